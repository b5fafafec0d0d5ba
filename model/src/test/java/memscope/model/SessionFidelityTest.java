package memscope.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A session keeps the fidelity boot option (format version 2); a version 1 session loads as documented. */
class SessionFidelityTest {
    @TempDir
    Path dir;

    @Test
    void aSessionBootedWithTodaysKernelsLoadsWithTodaysKernels() throws Exception {
        for (Fidelity f : Fidelity.values()) {
            Kernel k = Kernel.boot(BootOptions.defaults().withDebuggingSyscalls(true).withFidelity(f));
            Path file = dir.resolve(f.word() + ".msession");
            Sessions.save(k, file);
            assertEquals(f, Sessions.load(file).options().fidelity());
        }
    }

    @Test
    void theFidelityDecidesAnswersAfterLoading() throws Exception {
        Kernel k = Kernel.boot(BootOptions.defaults().withDebuggingSyscalls(true).withFidelity(Fidelity.TODAY));
        ProcessResult p = k.processCreate("gone");
        assertEquals(Status.OK, k.taskKill(p.process()));
        Path file = dir.resolve("dead.msession");
        Sessions.save(k, file);
        Kernel loaded = Sessions.load(file);
        // today's Zircon: a dead process has no address space to look the address up in
        assertEquals(Status.ERR_NOT_FOUND, loaded.writeMemory(p.process(), 0x1000000, new byte[] {1}, 1).status());
    }

    @Test
    void aVersionOneSessionHasNoFidelityAndLoadsAsDocumented() throws Exception {
        byte[] v1 = ForgedSession.typical().bytes(); // the forge writes version 1
        assertEquals(1, v1[9]);
        assertEquals(Fidelity.DOCUMENTED, Sessions.load(Files.write(dir.resolve("v1.msession"), v1)).options()
                .fidelity());
    }

    @Test
    void anUnknownFidelityIsRefused() throws Exception {
        Kernel k = Kernel.boot(BootOptions.defaults().withFidelity(Fidelity.TODAY));
        Path file = dir.resolve("k.msession");
        Sessions.save(k, file);
        byte[] b = Files.readAllBytes(file);
        int fidelity = SessionFormat.HEADER_SIZE + 8 + 2; // BOOT's tag and length, then two booleans
        assertEquals(1, b[fidelity]);
        b[fidelity] = 2;
        fixChecksum(b);
        SessionException e = assertThrows(SessionException.class,
                () -> Sessions.load(Files.write(dir.resolve("bad.msession"), b)));
        assertTrue(e.getMessage().contains("the fidelity is 2, not 0 (documented) or 1 (today's kernels)"),
                e.getMessage());
    }

    /** BOOT's CRC32 over tag, length and payload, written again after an edit. */
    private static void fixChecksum(byte[] b) throws IOException {
        int start = SessionFormat.HEADER_SIZE;
        int length = ((b[start + 4] & 0xff) << 24) | ((b[start + 5] & 0xff) << 16) | ((b[start + 6] & 0xff) << 8)
                | (b[start + 7] & 0xff);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(b, start, 8 + length);
        long v = crc.getValue();
        int at = start + 8 + length;
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
