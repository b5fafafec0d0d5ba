package memscope.model;

/**
 * Where a VMO's pages come from before they are first written: zeros for anonymous memory, a file for a
 * file-backed VMO. Called with the kernel lock held, often only its read lock, so several threads may call it at
 * once: it must be thread-safe and must not call back into the kernel.
 */
public interface PageSource {
    /** A source of zero pages. */
    PageSource ZERO = (pageIndex, page) -> java.util.Arrays.fill(page, (byte) 0);

    /** Fills {@code page} (PAGE_SIZE bytes) with the original contents of page {@code pageIndex}. */
    void readPage(long pageIndex, byte[] page);

    /**
     * Copies the original bytes {@code [offset, offset + length)} into {@code dst} from {@code dstOffset}. A
     * source that can read a long stretch at once (a file: one positional read, not one per page) overrides it;
     * a long search or scroll then costs one call per run of unwritten 64 KiB blocks rather than one per page.
     */
    default void read(long offset, byte[] dst, int dstOffset, int length) {
        byte[] page = new byte[Kernel.PAGE_SIZE];
        while (length > 0) {
            int inPage = (int) (offset & (Kernel.PAGE_SIZE - 1));
            int n = Math.min(length, Kernel.PAGE_SIZE - inPage);
            readPage(offset / Kernel.PAGE_SIZE, page);
            System.arraycopy(page, inPage, dst, dstOffset, n);
            offset += n;
            dstOffset += n;
            length -= n;
        }
    }

    /**
     * How a saved session names this source so it can be reopened later (e.g. {@code "file:/home/a/disk.img"}),
     * or null when it cannot be named; a session then stores the source's pages themselves.
     */
    default String sessionDescriptor() {
        return null;
    }
}
