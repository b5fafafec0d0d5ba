package memscope.model;

import java.util.Arrays;
import java.util.function.LongConsumer;

/**
 * Sparse page storage of one VMO: a page costs memory only once it is written. Unwritten pages read from the
 * {@link PageSource}. An open-addressing table from page index to page keeps lookups free of boxing.
 * Not thread-safe on its own: the kernel lock guards it.
 */
final class PageStore {
    static final int PAGE = Kernel.PAGE_SIZE;
    private static final int SHIFT = 12;
    private static final long EMPTY = -1L;

    private final PageSource source;
    private long[] keys;
    private byte[][] pages;
    private int count;

    PageStore(PageSource source) {
        this.source = source;
        this.keys = new long[16];
        this.pages = new byte[16][];
        Arrays.fill(keys, EMPTY);
    }

    /** Number of pages that hold written data. */
    int committedPages() {
        return count;
    }

    PageSource source() {
        return source;
    }

    /** Calls {@code action} with every committed page index, in no particular order. */
    void forEachCommitted(LongConsumer action) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY) {
                action.accept(keys[i]);
            }
        }
    }

    /** Copies {@code length} bytes at {@code offset} into {@code dst}. */
    void read(long offset, byte[] dst, int dstOffset, int length) {
        while (length > 0) {
            long index = offset >>> SHIFT;
            int inPage = (int) (offset & (PAGE - 1));
            int n = Math.min(length, PAGE - inPage);
            byte[] page = find(index);
            if (page != null) {
                System.arraycopy(page, inPage, dst, dstOffset, n);
            } else if (source == PageSource.ZERO) {
                Arrays.fill(dst, dstOffset, dstOffset + n, (byte) 0);
            } else {
                byte[] original = new byte[PAGE];
                source.readPage(index, original);
                System.arraycopy(original, inPage, dst, dstOffset, n);
            }
            offset += n;
            dstOffset += n;
            length -= n;
        }
    }

    /** Copies {@code length} bytes from {@code src} to {@code offset}, committing pages as needed. */
    void write(long offset, byte[] src, int srcOffset, int length) {
        while (length > 0) {
            long index = offset >>> SHIFT;
            int inPage = (int) (offset & (PAGE - 1));
            int n = Math.min(length, PAGE - inPage);
            byte[] page = find(index);
            if (page == null) {
                page = commit(index, n < PAGE);
            }
            System.arraycopy(src, srcOffset, page, inPage, n);
            offset += n;
            srcOffset += n;
            length -= n;
        }
    }

    /** Forgets every page at or above {@code pageIndex}, as when the VMO shrinks. */
    void discardFrom(long pageIndex) {
        long[] oldKeys = keys;
        byte[][] oldPages = pages;
        keys = new long[oldKeys.length];
        pages = new byte[oldKeys.length][];
        Arrays.fill(keys, EMPTY);
        count = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY && oldKeys[i] < pageIndex) {
                insert(oldKeys[i], oldPages[i]);
            }
        }
    }

    /** Zeroes the bytes at and above {@code offset} within its page, so a regrown VMO reads zeros there. */
    void zeroTail(long offset) {
        byte[] page = find(offset >>> SHIFT);
        if (page != null) {
            Arrays.fill(page, (int) (offset & (PAGE - 1)), PAGE, (byte) 0);
        }
    }

    private byte[] commit(long index, boolean partial) {
        byte[] page = new byte[PAGE];
        if (partial && source != PageSource.ZERO) {
            source.readPage(index, page);
        }
        insert(index, page);
        return page;
    }

    private byte[] find(long index) {
        long[] k = keys;
        int mask = k.length - 1;
        for (int i = slot(index, mask); ; i = (i + 1) & mask) {
            long key = k[i];
            if (key == index) {
                return pages[i];
            }
            if (key == EMPTY) {
                return null;
            }
        }
    }

    private void insert(long index, byte[] page) {
        if ((count + 1) * 2 > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int i = slot(index, mask);
        while (keys[i] != EMPTY) {
            i = (i + 1) & mask;
        }
        keys[i] = index;
        pages[i] = page;
        count++;
    }

    private void grow() {
        long[] oldKeys = keys;
        byte[][] oldPages = pages;
        keys = new long[oldKeys.length * 2];
        pages = new byte[keys.length][];
        Arrays.fill(keys, EMPTY);
        count = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                insert(oldKeys[i], oldPages[i]);
            }
        }
    }

    private static int slot(long index, int mask) {
        long h = index * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 40) & mask;
    }
}
