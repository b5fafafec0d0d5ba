package memscope.model;

import java.util.Arrays;
import java.util.function.LongConsumer;

/**
 * Sparse page storage of one VMO: memory is spent only where pages are written. Unwritten pages read from the
 * {@link PageSource}.
 *
 * <p>Pages live in blocks of 16 consecutive pages, one {@code byte[]} per block, so a long transfer is a few large
 * copies rather than one copy and one table lookup per page (per-page storage made a 64 MiB write twice as slow as
 * a plain array copy). A block's array only reaches as far as its highest written page, so a one-page VMO costs
 * one page. An open-addressing table maps block index to block without boxing; a bit mask per block says which
 * pages hold written data. Invariant: the bytes of an unwritten page inside a block are zero.
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
    private byte[][] blocks;
    /** Bit {@code i} of {@code written[slot]}: page {@code i} of that block holds written data. */
    private int[] written;
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
                for (int bits = written[i]; bits != 0; bits &= bits - 1) {
                    action.accept((keys[i] << BLOCK_SHIFT) + Integer.numberOfTrailingZeros(bits));
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
            } else if (source == PageSource.ZERO) {
                // unwritten pages of a block are zero, which is just what the zero source says
                copyOut(blocks[slot], inBlock, dst, dstOffset, n);
            } else {
                readMixed(slot, offset, dst, dstOffset, n);
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
        byte[] head = headPartial && !isCommitted(first) ? original(first) : null;
        byte[] tail = tailPartial && !isCommitted(last) ? original(last) : null;
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
                slot = insert(blockIndex, new byte[pagesUpTo(inBlock + n) * PAGE], 0);
            } else if (blocks[slot].length < inBlock + n) {
                blocks[slot] = Arrays.copyOf(blocks[slot], pagesUpTo(inBlock + n) * PAGE);
            }
            commitPages(slot, blockIndex, inBlock, n, originals);
            System.arraycopy(src, srcOffset, blocks[slot], inBlock, n);
            offset += n;
            srcOffset += n;
            length -= n;
        }
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
            int slot = find(page >>> BLOCK_SHIFT);
            int bit = (int) (page & (BLOCK_PAGES - 1));
            if (slot < 0 || (written[slot] & (1 << bit)) == 0) {
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
            System.arraycopy(fresh, from, blocks[slot], bit * PAGE + from, to - from);
        }
    }

    /** Forgets every page at or above {@code pageIndex}, as when the VMO shrinks. */
    void discardFrom(long pageIndex) {
        long[] oldKeys = keys;
        byte[][] oldBlocks = blocks;
        int[] oldWritten = written;
        allocateTable(oldKeys.length);
        for (int i = 0; i < oldKeys.length; i++) {
            long first = oldKeys[i] << BLOCK_SHIFT;
            if (oldKeys[i] == EMPTY || first >= pageIndex) {
                continue;
            }
            int bits = oldWritten[i];
            int keep = (int) Math.min(BLOCK_PAGES, pageIndex - first);
            if (keep < BLOCK_PAGES) {
                bits &= (1 << keep) - 1;
                byte[] block = oldBlocks[i];
                Arrays.fill(block, Math.min(block.length, keep * PAGE), block.length, (byte) 0);
            }
            if (bits != 0) {
                insert(oldKeys[i], oldBlocks[i], bits);
            }
        }
    }

    /** Zeroes the bytes at and above {@code offset} within its page, so a regrown VMO reads zeros there. */
    void zeroTail(long offset) {
        long page = offset >>> SHIFT;
        int slot = find(page >>> BLOCK_SHIFT);
        int bit = (int) (page & (BLOCK_PAGES - 1));
        if (slot >= 0 && (written[slot] & (1 << bit)) != 0) {
            int from = bit * PAGE + (int) (offset & (PAGE - 1));
            Arrays.fill(blocks[slot], from, (bit + 1) * PAGE, (byte) 0);
        }
    }

    /** Marks the pages under {@code [inBlock, inBlock + n)} written, first filling in the originals of partly covered ones. */
    private void commitPages(int slot, long blockIndex, int inBlock, int n, Originals originals) {
        int firstPage = inBlock >>> SHIFT;
        int lastPage = (inBlock + n - 1) >>> SHIFT;
        int touched = (int) ((1L << (lastPage + 1)) - (1L << firstPage));
        int fresh = touched & ~written[slot];
        if (fresh == 0) {
            return;
        }
        if (originals != Originals.NONE) {
            // only the end pages can be partly covered; their unwritten bytes must show the source
            fillOriginal(slot, blockIndex, fresh, firstPage, originals);
            if (lastPage != firstPage) {
                fillOriginal(slot, blockIndex, fresh, lastPage, originals);
            }
        }
        written[slot] |= fresh;
        pageCount += Integer.bitCount(fresh);
    }

    private void fillOriginal(int slot, long blockIndex, int fresh, int page, Originals originals) {
        byte[] original = originals.of((blockIndex << BLOCK_SHIFT) + page);
        if ((fresh & (1 << page)) != 0 && original != null) {
            System.arraycopy(original, 0, blocks[slot], page * PAGE, PAGE);
        }
    }

    private boolean isCommitted(long page) {
        int slot = find(page >>> BLOCK_SHIFT);
        return slot >= 0 && (written[slot] & (1 << (int) (page & (BLOCK_PAGES - 1)))) != 0;
    }

    private byte[] original(long page) {
        byte[] original = new byte[PAGE];
        source.readPage(page, original);
        return original;
    }

    /** A block whose pages may come from the source: page by page. */
    private void readMixed(int slot, long offset, byte[] dst, int dstOffset, int length) {
        while (length > 0) {
            int inPage = (int) (offset & (PAGE - 1));
            int n = Math.min(length, PAGE - inPage);
            int bit = (int) ((offset >>> SHIFT) & (BLOCK_PAGES - 1));
            if ((written[slot] & (1 << bit)) != 0) {
                System.arraycopy(blocks[slot], bit * PAGE + inPage, dst, dstOffset, n);
            } else {
                readUnwritten(offset, dst, dstOffset, n);
            }
            offset += n;
            dstOffset += n;
            length -= n;
        }
    }

    private void readUnwritten(long offset, byte[] dst, int dstOffset, int length) {
        if (source == PageSource.ZERO) {
            Arrays.fill(dst, dstOffset, dstOffset + length, (byte) 0);
            return;
        }
        source.read(offset, dst, dstOffset, length);
    }

    /** Copies from a block that may be shorter than the range: past its end the pages are unwritten zeros. */
    private static void copyOut(byte[] block, int from, byte[] dst, int dstOffset, int length) {
        int stored = Math.max(0, Math.min(length, block.length - from));
        if (stored > 0) {
            System.arraycopy(block, from, dst, dstOffset, stored);
        }
        Arrays.fill(dst, dstOffset + stored, dstOffset + length, (byte) 0);
    }

    private static int pagesUpTo(int endInBlock) {
        return (endInBlock + PAGE - 1) >>> SHIFT;
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

    private int insert(long index, byte[] block, int bits) {
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
        written[i] = bits;
        blockCount++;
        pageCount += Integer.bitCount(bits);
        return i;
    }

    private void grow() {
        long[] oldKeys = keys;
        byte[][] oldBlocks = blocks;
        int[] oldWritten = written;
        allocateTable(oldKeys.length * 2);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                insert(oldKeys[i], oldBlocks[i], oldWritten[i]);
            }
        }
    }

    private void allocateTable(int size) {
        keys = new long[size];
        blocks = new byte[size][];
        written = new int[size];
        Arrays.fill(keys, EMPTY);
        blockCount = 0;
        pageCount = 0;
    }

    private static int slot(long index, int mask) {
        long h = index * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 40) & mask;
    }
}
