package memscope.model.file;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.BitSet;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;

import memscope.model.Kernel;
import memscope.model.text.Localized;
import memscope.model.text.Text;

/**
 * The on-disk form of a save journal: the new contents of the changed pages of one file, written (and forced)
 * before any of them goes into the file, so that a save killed while writing them in place can be finished by
 * the next open. Big-endian:
 *
 * <pre>
 * "MEMSCOPE-JOURNAL" version:int targetSize:long nameLength:int name:UTF-8 count:int
 * count × (offset:long length:int bytes[length])     offsets page-aligned, ascending, inside targetSize
 * crc32:long (of everything before it) "END-JRNL"
 * </pre>
 *
 * {@link #validate} reads a journal whole before {@link #apply} writes a byte of it, so a truncated, damaged or
 * forged journal is refused entirely, never applied in part.
 */
final class SaveJournal {
    private static final byte[] MAGIC = "MEMSCOPE-JOURNAL".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = "END-JRNL".getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION = 1;
    private static final int MAX_NAME = 4096;
    private static final int ENTRY_HEADER = Long.BYTES + Integer.BYTES;

    /** What a valid journal holds: the file it is for and how many pages it changes. */
    record Header(String name, long targetSize, int count) {
    }

    /** A journal that is not a whole, undamaged journal for this file; {@link #text()} says why. */
    static final class Refused extends IOException implements Localized {
        private final transient Text text;

        Refused(String key, Object... args) {
            this(FileWords.of(key, args));
        }

        private Refused(Text text) {
            super(text.english());
            this.text = text;
        }

        @Override
        public Text text() {
            return text;
        }
    }

    private SaveJournal() {
    }

    /**
     * Writes the journal of the {@code dirty} pages (those inside {@code targetSize}) to {@code out}, which the
     * caller then forces. Returns the number of pages written.
     */
    static int write(FileChannel out, String name, long targetSize, BitSet dirty,
                     AtomicFileWriter.PageContents contents, SaveProgress progress) throws IOException {
        long pages = (targetSize + Kernel.PAGE_SIZE - 1) / Kernel.PAGE_SIZE;
        int count = dirty.get(0, (int) Math.min(pages, Integer.MAX_VALUE)).cardinality();
        CRC32 crc = new CRC32();
        // not closed: closing the stream would close the channel, which the caller still forces and unlocks
        DataOutputStream data = new DataOutputStream(new CheckedOutputStream(
                new BufferedOutputStream(unclosable(Channels.newOutputStream(out)), 1 << 16), crc));
        data.write(MAGIC);
        data.writeInt(VERSION);
        data.writeLong(targetSize);
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        data.writeInt(nameBytes.length);
        data.write(nameBytes);
        data.writeInt(count);
        byte[] page = new byte[Kernel.PAGE_SIZE];
        int done = 0;
        for (int i = dirty.nextSetBit(0); i >= 0 && i < pages; i = dirty.nextSetBit(i + 1)) {
            long at = (long) i * Kernel.PAGE_SIZE;
            int length = (int) Math.min(Kernel.PAGE_SIZE, targetSize - at);
            contents.read(i, page);
            data.writeLong(at);
            data.writeInt(length);
            data.write(page, 0, length);
            progress.advanced(SaveStage.JOURNALING, ++done, count);
        }
        data.flush();
        long sum = crc.getValue();
        data.writeLong(sum);
        data.write(END);
        data.flush();
        return count;
    }

    /**
     * Reads the whole journal and checks it: its form, its checksum, that it is for {@code name} and for a file
     * of {@code targetSize} bytes, and that every change lies inside that file. Throws {@link Refused} otherwise.
     */
    static Header validate(FileChannel journal, String name, long targetSize) throws IOException {
        long journalSize = journal.size();
        CRC32 crc = new CRC32();
        DataInputStream in = reader(journal, crc);
        try {
            byte[] magic = new byte[MAGIC.length];
            in.readFully(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new Refused("journal.bad.notJournal");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new Refused("journal.bad.version", version);
            }
            long size = in.readLong();
            int nameLength = in.readInt();
            if (nameLength < 0 || nameLength > MAX_NAME) {
                throw new Refused("journal.bad.damaged");
            }
            byte[] nameBytes = new byte[nameLength];
            in.readFully(nameBytes);
            String journalName = new String(nameBytes, StandardCharsets.UTF_8);
            int count = in.readInt();
            // a forged count must not make us read (or allocate) past the journal's own size
            if (count < 0 || (long) count * ENTRY_HEADER > journalSize) {
                throw new Refused("journal.bad.damaged");
            }
            byte[] page = new byte[Kernel.PAGE_SIZE];
            long previousEnd = 0;
            for (int i = 0; i < count; i++) {
                long offset = in.readLong();
                int length = in.readInt();
                if (offset < previousEnd || offset % Kernel.PAGE_SIZE != 0 || length <= 0
                        || length > Kernel.PAGE_SIZE || offset > size - length) {
                    throw new Refused("journal.bad.entry", i, offset);
                }
                in.readFully(page, 0, length);
                previousEnd = offset + length;
            }
            long computed = crc.getValue();
            long stored = in.readLong(); // read after taking the sum: it is not part of what it sums
            byte[] end = new byte[END.length];
            in.readFully(end);
            if (stored != computed || !Arrays.equals(end, END) || in.read() != -1) {
                throw new Refused("journal.bad.checksum");
            }
            // checked last: only a journal known to be whole and undamaged says truly what it was for
            if (!journalName.equals(name)) {
                throw new Refused("journal.bad.name", journalName, name);
            }
            if (size != targetSize) {
                throw new Refused("journal.bad.size", size, targetSize);
            }
            return new Header(journalName, size, count);
        } catch (EOFException e) {
            throw new Refused("journal.bad.truncated");
        }
    }

    /** Writes a journal {@link #validate} accepted into {@code target} (which the caller then forces). */
    static void apply(FileChannel journal, FileChannel target, SaveProgress progress) throws IOException {
        DataInputStream in = reader(journal, new CRC32());
        in.skipNBytes(MAGIC.length + Integer.BYTES + Long.BYTES);
        in.skipNBytes(in.readInt());
        int count = in.readInt();
        byte[] page = new byte[Kernel.PAGE_SIZE];
        for (int i = 0; i < count; i++) {
            long offset = in.readLong();
            int length = in.readInt();
            in.readFully(page, 0, length);
            ByteBuffer buf = ByteBuffer.wrap(page, 0, length);
            long at = offset;
            while (buf.hasRemaining()) {
                at += target.write(buf, at);
            }
            progress.advanced(SaveStage.APPLYING, i + 1, count);
        }
    }

    private static DataInputStream reader(FileChannel journal, CRC32 crc) throws IOException {
        journal.position(0);
        return new DataInputStream(new CheckedInputStream(
                new BufferedInputStream(Channels.newInputStream(journal), 1 << 16), crc));
    }

    private static OutputStream unclosable(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
