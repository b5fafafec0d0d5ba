package memscope.model;

import java.util.Arrays;
import java.util.function.LongConsumer;

/**
 * Sparse page storage of one VMO: memory is spent only where pages are written. Unwritten pages read from the
 * {@link PageSource}.
 *
 * <p>Pages live in blocks of 16 consecutive pages, so a long transfer costs one table lookup per 64 KiB rather than
 * one per page (a lookup per page made a 64 MiB write twice as slow as a plain array copy). Each written page is
 * an array of its own (null until written), so the history can take a page a whole-page write overwrites instead
 * of copying it ({@link #replacePage}). An open-addressing table maps block index to block without boxing.
 * Not thread-safe on its own: the kernel lock guards it.
 */
final class PageStore {
    static final int PAGE = Kernel.PAGE_SIZE;
    private static final int SHIFT = 12;
    private static final int BLOCK_SHIFT = 4;
    private static final int BLOCK_PAGES = 1 << BLOCK_SHIFT;
    private static final int BLOCK_BYTES = BLOCK_PAGES * PAGE;
    private static final long EMPTY = -1L;

    private final PageSource source;
    private long[] keys;
    /** {@code blocks[slot][i]}: page {@code i} of that block, null while it is unwritten. */
    private byte[][][] blocks;
    private int blockCount;
    private int pageCount;

    PageStore(PageSource source) {
        this.source = source;
        allocateTable(16);
    }

    /** Number of pages that hold written data. */
    int committedPages() {
        return pageCount;
    }

    PageSource source() {
        return source;
    }

    /** Calls {@code action} with every committed page index, in no particular order. */
    void forEachCommitted(LongConsumer action) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY) {
                byte[][] block = blocks[i];
                for (int bit = 0; bit < BLOCK_PAGES; bit++) {
                    if (block[bit] != null) {
                        action.accept((keys[i] << BLOCK_SHIFT) + bit);
                    }
                }
            }
        }
    }

    /** Copies {@code length} bytes at {@code offset} into {@code dst}. */
    void read(long offset, byte[] dst, int dstOffset, int length) {
        while (length > 0) {
            int inBlock = (int) (offset & (BLOCK_BYTES - 1));
            int n = Math.min(length, BLOCK_BYTES - inBlock);
            int slot = find(offset >>> (SHIFT + BLOCK_SHIFT));
            if (slot < 0) {
                // a run of never-written blocks is one source read (a file: one positional read per run)
                while (n < length && find((offset + n) >>> (SHIFT + BLOCK_SHIFT)) < 0) {
                    n += Math.min(length - n, BLOCK_BYTES);
                }
                readUnwritten(offset, dst, dstOffset, n);
            } else {
                readBlock(blocks[slot], offset, dst, dstOffset, n);
            }
            offset += n;
            dstOffset += n;
            length -= n;
        }
    }

    /** Copies {@code length} bytes from {@code src} to {@code offset}, committing pages as needed. */
    void write(long offset, byte[] src, int srcOffset, int length) {
        write(offset, src, srcOffset, length, prepareWrite(offset, length));
    }

    /**
     * Reads from the source what a write of {@code [offset, offset + length)} will need: the original contents of
     * the (at most two) uncommitted pages it only partly covers. Done before anything changes, so a source that
     * fails (a file that became unreadable) leaves the store as it was.
     *
     * @throws java.io.UncheckedIOException when the source cannot read a needed page
     */
    Originals prepareWrite(long offset, int length) {
        if (source == PageSource.ZERO || length <= 0) {
            return Originals.NONE;
        }
        long end = offset + length;
        long first = offset >>> SHIFT;
        long last = (end - 1) >>> SHIFT;
        boolean headPartial = (offset & (PAGE - 1)) != 0 || (end < (first + 1) * PAGE);
        boolean tailPartial = last != first && (end & (PAGE - 1)) != 0;
        byte[] head = headPartial && writtenPage(first) == null ? original(first) : null;
        byte[] tail = tailPartial && writtenPage(last) == null ? original(last) : null;
        return head == null && tail == null ? Originals.NONE : new Originals(first, head, last, tail);
    }

    /** {@link #write(long, byte[], int, int)} with the originals {@link #prepareWrite} read for this very range. */
    void write(long offset, byte[] src, int srcOffset, int length, Originals originals) {
        while (length > 0) {
            long blockIndex = offset >>> (SHIFT + BLOCK_SHIFT);
            int inBlock = (int) (offset & (BLOCK_BYTES - 1));
            int n = Math.min(length, BLOCK_BYTES - inBlock);
            int slot = find(blockIndex);
            if (slot < 0) {
                slot = insert(blockIndex, new byte[BLOCK_PAGES][]);
            }
            writeBlock(blocks[slot], offset, src, srcOffset, n, originals);
            offset += n;
            srcOffset += n;
            length -= n;
        }
    }

    /**
     * The array that holds page {@code page}, or null while the page is unwritten. Only for the history, which
     * compares it with what a whole-page write brings and then takes it with {@link #replacePage}.
     */
    byte[] writtenPage(long page) {
        int slot = find(page >>> BLOCK_SHIFT);
        return slot < 0 ? null : blocks[slot][(int) (page & (BLOCK_PAGES - 1))];
    }

    /**
     * Puts {@code fresh} (a whole page) in place of written page {@code page}, whose array the caller keeps: the
     * store no longer refers to it. Does nothing for an unwritten page.
     */
    void replacePage(long page, byte[] fresh) {
        int slot = find(page >>> BLOCK_SHIFT);
        int bit = (int) (page & (BLOCK_PAGES - 1));
        if (slot >= 0 && blocks[slot][bit] != null && fresh.length == PAGE) {
            blocks[slot][bit] = fresh;
        }
    }

    /**
     * Forgets written page {@code page} and returns its array, which the caller now owns (the page reads from the
     * source again, as an unwritten one); null when the page is unwritten.
     */
    byte[] takePage(long page) {
        int slot = find(page >>> BLOCK_SHIFT);
        if (slot < 0) {
            return null;
        }
        int bit = (int) (page & (BLOCK_PAGES - 1));
        byte[] taken = blocks[slot][bit];
        if (taken != null) {
            blocks[slot][bit] = null;
            pageCount--;
        }
        return taken;
    }

    /** The original contents of the pages a write only partly covers, keyed by page index. */
    record Originals(long headPage, byte[] head, long tailPage, byte[] tail) {
        static final Originals NONE = new Originals(-1, null, -1, null);

        byte[] of(long page) {
            return page == headPage ? head : page == tailPage ? tail : null;
        }
    }

    /**
     * The source now reads differently in {@code [offset, offset + length)}: the written pages over that range take
     * the source's bytes there (the rest of each page keeps what was written). Unwritten pages need nothing, they
     * read the source anyway. A page the source cannot supply keeps its bytes.
     */
    void refreshFromSource(long offset, long length) {
        if (source == PageSource.ZERO || length <= 0) {
            return;
        }
        byte[] fresh = new byte[PAGE];
        long end = offset + length;
        for (long page = offset >>> SHIFT; page <= (end - 1) >>> SHIFT; page++) {
            byte[] written = writtenPage(page);
            if (written == null) {
                continue;
            }
            try {
                source.readPage(page, fresh);
            } catch (java.io.UncheckedIOException e) {
                continue;
            }
            long pageStart = page << SHIFT;
            int from = (int) (Math.max(offset, pageStart) - pageStart);
            int to = (int) (Math.min(end, pageStart + PAGE) - pageStart);
            System.arraycopy(fresh, from, written, from, to - from);
        }
    }

    /** Forgets every page at or above {@code pageIndex}, as when the VMO shrinks. */
    void discardFrom(long pageIndex) {
        long[] oldKeys = keys;
        byte[][][] oldBlocks = blocks;
        allocateTable(oldKeys.length);
        for (int i = 0; i < oldKeys.length; i++) {
            long first = oldKeys[i] << BLOCK_SHIFT;
            if (oldKeys[i] == EMPTY || first >= pageIndex) {
                continue;
            }
            byte[][] block = oldBlocks[i];
            int keep = (int) Math.min(BLOCK_PAGES, pageIndex - first);
            Arrays.fill(block, keep, BLOCK_PAGES, null);
            if (countPages(block) > 0) {
                insert(oldKeys[i], block);
            }
        }
    }

    /** Zeroes the bytes at and above {@code offset} within its page, so a regrown VMO reads zeros there. */
    void zeroTail(long offset) {
        byte[] page = writtenPage(offset >>> SHIFT);
        if (page != null) {
            Arrays.fill(page, (int) (offset & (PAGE - 1)), PAGE, (byte) 0);
        }
    }

    /** Reads {@code [offset, offset + length)}, which lies within one block, page by page. */
    private void readBlock(byte[][] block, long offset, byte[] dst, int dstOffset, int length) {
        while (length > 0) {
            int inPage = (int) (offset & (PAGE - 1));
            int n = Math.min(length, PAGE - inPage);
            byte[] page = block[(int) ((offset >>> SHIFT) & (BLOCK_PAGES - 1))];
            if (page != null) {
                System.arraycopy(page, inPage, dst, dstOffset, n);
            } else {
                readUnwritten(offset, dst, dstOffset, n);
            }
            offset += n;
            dstOffset += n;
            length -= n;
        }
    }

    /**
     * Writes {@code [offset, offset + length)}, which lies within one block, page by page. A page written for the
     * first time starts as its original (zeros, or what {@link #prepareWrite} read from the source) where the write
     * does not cover it.
     */
    private void writeBlock(byte[][] block, long offset, byte[] src, int srcOffset, int length,
                            Originals originals) {
        while (length > 0) {
            int inPage = (int) (offset & (PAGE - 1));
            int n = Math.min(length, PAGE - inPage);
            int bit = (int) ((offset >>> SHIFT) & (BLOCK_PAGES - 1));
            byte[] page = block[bit];
            if (page == null) {
                if (n == PAGE) {
                    // copying into a new array lets the compiler skip zeroing it
                    page = Arrays.copyOfRange(src, srcOffset, srcOffset + PAGE);
                } else {
                    byte[] original = originals.of(offset >>> SHIFT);
                    page = original != null ? original.clone() : new byte[PAGE];
                    System.arraycopy(src, srcOffset, page, inPage, n);
                }
                block[bit] = page;
                pageCount++;
            } else {
                System.arraycopy(src, srcOffset, page, inPage, n);
            }
            offset += n;
            srcOffset += n;
            length -= n;
        }
    }

    private byte[] original(long page) {
        byte[] original = new byte[PAGE];
        source.readPage(page, original);
        return original;
    }

    private void readUnwritten(long offset, byte[] dst, int dstOffset, int length) {
        if (source == PageSource.ZERO) {
            Arrays.fill(dst, dstOffset, dstOffset + length, (byte) 0);
            return;
        }
        source.read(offset, dst, dstOffset, length);
    }

    private static int countPages(byte[][] block) {
        int n = 0;
        for (byte[] page : block) {
            if (page != null) {
                n++;
            }
        }
        return n;
    }

    /** The slot holding block {@code index}, or -1. */
    private int find(long index) {
        long[] k = keys;
        int mask = k.length - 1;
        for (int i = slot(index, mask); ; i = (i + 1) & mask) {
            long key = k[i];
            if (key == index) {
                return i;
            }
            if (key == EMPTY) {
                return -1;
            }
        }
    }

    private int insert(long index, byte[][] block) {
        if ((blockCount + 1) * 2 > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int i = slot(index, mask);
        while (keys[i] != EMPTY) {
            i = (i + 1) & mask;
        }
        keys[i] = index;
        blocks[i] = block;
        blockCount++;
        pageCount += countPages(block);
        return i;
    }

    private void grow() {
        long[] oldKeys = keys;
        byte[][][] oldBlocks = blocks;
        allocateTable(oldKeys.length * 2);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                insert(oldKeys[i], oldBlocks[i]);
            }
        }
    }

    private void allocateTable(int size) {
        keys = new long[size];
        blocks = new byte[size][][];
        Arrays.fill(keys, EMPTY);
        blockCount = 0;
        pageCount = 0;
    }

    private static int slot(long index, int mask) {
        long h = index * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 40) & mask;
    }
}
