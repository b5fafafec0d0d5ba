package memscope.model.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.BitSet;

import memscope.model.Kernel;

/**
 * Writes a new version of a file so that a crash at any moment leaves either the whole old file or the whole
 * new one: everything goes into a temporary file beside the target, which is forced to disk and then renamed
 * over the target atomically. Unchanged ranges are copied from the original with positional reads; all-zero
 * chunks are skipped rather than written, so a sparse file stays sparse (the bytes read back the same).
 * The rename gives the path a new file: other hard links keep the old contents, as with most editors.
 */
final class AtomicFileWriter {
    /** Reads the current contents of a dirty page (from the VMO). */
    interface PageContents {
        void read(long pageIndex, byte[] page) throws IOException;
    }

    static final String TEMP_SUFFIX = ".memscope-save";
    private static final int CHUNK = 1 << 20;
    private static final ByteBuffer ZEROS = ByteBuffer.allocateDirect(CHUNK).asReadOnlyBuffer();

    private AtomicFileWriter() {
    }

    /**
     * Makes {@code target} hold the first {@code length} bytes of {@code original} with the {@code dirty} pages
     * replaced by {@code contents}. Returns the number of bytes copied from the original.
     */
    static long write(FilePageSource original, long length, BitSet dirty, PageContents contents, Path target,
                      SaveProgress progress) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Path temp = Files.createTempFile(dir, StrayTempFiles.prefix(absolute.getFileName().toString()),
                TEMP_SUFFIX);
        StrayTempFiles.writing(temp);
        try {
            long copied;
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                lockQuietly(out);
                copied = copyUnchanged(original, length, dirty, out, progress);
                writeDirty(length, dirty, contents, out, progress);
                if (out.size() < length) {
                    out.write(ByteBuffer.wrap(new byte[1]), length - 1); // a trailing hole still needs its size
                }
                out.force(true);
            }
            copyPermissions(Files.exists(absolute) ? absolute : original.path(), temp);
            progress.advanced(SaveStage.SYNCED, length, length);
            Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncDirectory(dir);
            progress.advanced(SaveStage.RENAMED, length, length);
            return copied;
        } catch (IOException | RuntimeException e) {
            // an orderly failure cleans up; a crash (or a test's simulated one) leaves only a stray temp file
            Files.deleteIfExists(temp);
            throw e;
        } finally {
            StrayTempFiles.done(temp);
        }
    }

    private static long copyUnchanged(FilePageSource original, long length, BitSet dirty, FileChannel out,
                                      SaveProgress progress) throws IOException {
        long pages = (length + Kernel.PAGE_SIZE - 1) / Kernel.PAGE_SIZE;
        long total = length - (long) dirty.cardinality() * Kernel.PAGE_SIZE;
        ByteBuffer buf = ByteBuffer.allocateDirect(CHUNK); // direct: the bytes never cross into the heap
        long copied = 0;
        int page = dirty.nextClearBit(0);
        while (page < pages) {
            int runEnd = Math.min(dirty.nextSetBit(page) < 0 ? Integer.MAX_VALUE : dirty.nextSetBit(page),
                    (int) Math.min(pages, Integer.MAX_VALUE));
            long from = (long) page * Kernel.PAGE_SIZE;
            long to = Math.min((long) runEnd * Kernel.PAGE_SIZE, length);
            for (long at = from; at < to; ) {
                int n = (int) Math.min(CHUNK, to - at);
                buf.clear().limit(n);
                original.read(at, buf);
                while (buf.hasRemaining()) {
                    buf.put((byte) 0); // a file that shrank reads as zeros, as the editor showed it
                }
                buf.flip();
                if (buf.mismatch(ZEROS.duplicate().limit(n)) >= 0) {
                    writeFully(out, buf, at);
                }
                at += n;
                copied += n;
                progress.advanced(SaveStage.COPYING, copied, total);
            }
            page = dirty.nextClearBit(runEnd);
        }
        return copied;
    }

    private static void writeDirty(long length, BitSet dirty, PageContents contents, FileChannel out,
                                   SaveProgress progress) throws IOException {
        byte[] page = new byte[Kernel.PAGE_SIZE];
        int total = dirty.cardinality();
        int done = 0;
        for (int i = dirty.nextSetBit(0); i >= 0; i = dirty.nextSetBit(i + 1)) {
            long at = (long) i * Kernel.PAGE_SIZE;
            if (at >= length) {
                break; // bytes typed past the end of the file's last page are not part of the file
            }
            contents.read(i, page);
            writeFully(out, ByteBuffer.wrap(page, 0, (int) Math.min(Kernel.PAGE_SIZE, length - at)), at);
            progress.advanced(SaveStage.WRITING_DIRTY_PAGES, ++done, total);
        }
    }

    private static void writeFully(FileChannel out, ByteBuffer buf, long position) throws IOException {
        long at = position;
        while (buf.hasRemaining()) {
            at += out.write(buf, at);
        }
    }

    /**
     * The lock tells another MemScope that this temp file is work in progress, not a crash's stray (see
     * {@link StrayTempFiles}). Best effort: a file system without locks still saves; the age guard remains.
     */
    static void lockQuietly(FileChannel out) {
        try {
            out.tryLock();
        } catch (IOException | RuntimeException e) {
            // no locking here: nothing to do
        }
    }

    /** Best effort: the new file keeps the old one's permissions; the contents matter more than the mode. */
    private static void copyPermissions(Path from, Path to) {
        try {
            Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
        } catch (IOException | UnsupportedOperationException e) {
            // not POSIX, or the original is gone: keep the temp file's private mode
        }
    }

    /** Makes the rename itself durable; some platforms cannot open a directory, which is then skipped. */
    static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // the rename is atomic regardless; only its durability across power loss is platform-dependent
        }
    }
}
