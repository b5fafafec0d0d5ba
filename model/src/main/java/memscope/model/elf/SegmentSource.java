package memscope.model.elf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Arrays;

import memscope.model.Kernel;
import memscope.model.PageSource;

/**
 * The pages of one segment, read lazily from its file range with positional reads. Page {@code i} holds the file
 * bytes at {@code fileOffset + i * PAGE_SIZE}, up to {@code fileBytes} in all. What lies past them depends on the
 * kind of file: an executable's loader zeroes the rest of the last page ({@link #zeroTail}); a core dump simply
 * lacks those bytes ({@link #unreadableTail}), so a page not wholly in the file throws
 * {@link UncheckedIOException}, which the kernel reports as {@code ZX_ERR_IO} and a hex view as {@code ??}: showing
 * zeros for memory the dump did not keep would be a lie.
 */
final class SegmentSource implements PageSource {
    private final Path path;
    private final FileChannel channel;
    private final long fileOffset;
    private final long fileBytes;
    private final boolean zeroTail;
    private final int segment;
    private final FileFingerprint fingerprint;

    SegmentSource(Path path, FileChannel channel, long fileOffset, long fileBytes, boolean zeroTail,
                  int segment, FileFingerprint fingerprint) {
        this.path = path;
        this.channel = channel;
        this.fileOffset = fileOffset;
        this.fileBytes = fileBytes;
        this.zeroTail = zeroTail;
        this.segment = segment;
        this.fingerprint = fingerprint;
    }

    /** An executable's segment: bytes past {@code fileBytes} read as zeros. */
    static SegmentSource zeroTail(ElfFile file, long fileOffset, long fileBytes, int segment) {
        return new SegmentSource(file.path(), file.channel(), fileOffset, fileBytes, true, segment,
                file.fingerprint());
    }

    /** A core dump's segment: a page not wholly among the {@code fileBytes} is unreadable. */
    static SegmentSource unreadableTail(ElfFile file, long fileOffset, long fileBytes, int segment) {
        return new SegmentSource(file.path(), file.channel(), fileOffset, fileBytes, false, segment,
                file.fingerprint());
    }

    /**
     * {@code elf:exec|core,OFFSET,BYTES,SEGMENT,FINGERPRINT,PATH} (numbers in hex but the segment): what
     * {@link ElfPageSources#resolver} needs to read the same bytes again, and to refuse a file that changed.
     */
    @Override
    public String sessionDescriptor() {
        return ElfPageSources.SCHEME + (zeroTail ? ElfPageSources.EXEC : ElfPageSources.CORE) + ","
                + Long.toHexString(fileOffset) + "," + Long.toHexString(fileBytes) + "," + segment + ","
                + fingerprint + "," + path.toAbsolutePath();
    }

    /** How many leading pages can be read. */
    long readablePages() {
        return zeroTail ? Long.MAX_VALUE : fileBytes / Kernel.PAGE_SIZE;
    }

    @Override
    public void readPage(long pageIndex, byte[] page) {
        long start = pageIndex * Kernel.PAGE_SIZE;
        if (!zeroTail && pageIndex >= readablePages()) {
            throw failure(pageIndex, ElfWords.of("source.notInCore", segment, ElfWords.hex(fileBytes)), null);
        }
        int wanted = (int) Math.max(0, Math.min(Kernel.PAGE_SIZE, fileBytes - start));
        try {
            ByteBuffer b = ByteBuffer.wrap(page, 0, wanted);
            while (b.hasRemaining()) {
                if (channel.read(b, fileOffset + start + b.position()) < 0) {
                    // the file shrank since it was opened: its missing bytes are not zeros
                    throw failure(pageIndex, ElfWords.of("source.truncated"), null);
                }
            }
        } catch (IOException e) {
            throw failure(pageIndex, ElfFile.reason(e), e);
        }
        Arrays.fill(page, wanted, Kernel.PAGE_SIZE, (byte) 0);
    }

    private UncheckedIOException failure(long pageIndex, Object reason, IOException cause) {
        ElfException problem = new ElfException(path, ElfWords.of("where.page", segment, pageIndex),
                ElfWords.of("source.unreadable", reason), cause);
        return new UncheckedIOException(problem.getMessage(), new IOException(problem.getMessage(), problem));
    }
}
