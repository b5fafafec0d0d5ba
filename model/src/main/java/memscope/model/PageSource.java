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
     * How a saved session names this source so it can be reopened later (e.g. {@code "file:/home/a/disk.img"}),
     * or null when it cannot be named; a session then stores the source's pages themselves.
     */
    default String sessionDescriptor() {
        return null;
    }
}
