package memscope.model.file;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;

import memscope.model.Kernel;

/** Test helpers for in-place saves: where a file's journal is, a journal left by a crash, forged journals. */
final class Journals {
    private Journals() {
    }

    /** The journal beside {@code file}. */
    static Path beside(Path file) throws IOException {
        return JournalPlaces.of(file.toRealPath()).get(0);
    }

    /** Journal files anywhere in {@code dir}. */
    static List<Path> in(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(JournalPlaces.SUFFIX)).toList();
        }
    }

    /** Writes {@code SaveCrashTest}'s edits into {@code file} and dies just after the journal is forced. */
    static void crashAfterJournal(Path file) throws IOException {
        try (FileDocument doc = FileDocument.open(file)) {
            for (long at : SaveCrashTest.editOffsets(doc.length())) {
                doc.kernel().writeMemory(doc.editHandle(), doc.baseAddress() + at, SaveCrashTest.EDIT,
                        SaveCrashTest.EDIT.length);
            }
            assertThrows(SaveCrashTest.SimulatedCrash.class, () -> doc.save(SaveOptions.DEFAULT.withProgress(
                    (stage, done, total) -> {
                        if (stage == SaveStage.JOURNALED) {
                            throw new SaveCrashTest.SimulatedCrash("after the journal");
                        }
                    })));
        }
        assertTrue(Files.isRegularFile(beside(file)), "the crash left a journal");
    }

    /** One change of a hand-made journal. */
    record Change(long offset, byte[] bytes) {
    }

    /** A journal in the real format with a correct checksum, whatever it says: for forgeries. */
    static byte[] forge(String name, long targetSize, Change... changes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write("MEMSCOPE-JOURNAL".getBytes(StandardCharsets.US_ASCII));
        out.writeInt(1);
        out.writeLong(targetSize);
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        out.writeInt(n.length);
        out.write(n);
        out.writeInt(changes.length);
        for (Change c : changes) {
            out.writeLong(c.offset());
            out.writeInt(c.bytes().length);
            out.write(c.bytes());
        }
        CRC32 crc = new CRC32();
        crc.update(bytes.toByteArray());
        out.writeLong(crc.getValue());
        out.write("END-JRNL".getBytes(StandardCharsets.US_ASCII));
        return bytes.toByteArray();
    }

    static byte[] page(int value) {
        byte[] p = new byte[Kernel.PAGE_SIZE];
        java.util.Arrays.fill(p, (byte) value);
        return p;
    }
}
