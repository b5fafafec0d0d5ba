package memscope.model;

import static memscope.model.ByteJournal.CHECKPOINT_WRITES;
import static memscope.model.ByteJournal.CHECKPOINT_BYTES;
import static memscope.model.ByteJournal.CHECKPOINT_OVERHEAD;
import static memscope.model.ByteJournal.PAGE;

import java.util.Arrays;

/** The writes of one page in call order, and its checkpoints. Indices are absolute: they survive pruning. */
final class PageLog {
    /** Shared by every log before its first checkpoint (most logs never take one). */
    private static final long[] NO_CHECKPOINTS = new long[0];
    private static final byte[][] NO_IMAGES = new byte[0][];
    private ByteDelta[] deltas = new ByteDelta[2];
    private int head;
    private int tail;
    /** Absolute index of {@code deltas[head]}. */
    private long dropped;
    /**
     * Checkpoint {@code i} (for {@code cpHead <= i < cpTail}): the page as it was before delta {@code cpAt[i]}
     * (absolute), ascending. Dropping advances {@code cpHead} rather than copying the arrays: a page written
     * thousands of times holds thousands of checkpoints, and the cap drops one every few calls.
     */
    private long[] cpAt = NO_CHECKPOINTS;
    private byte[][] cpImage = NO_IMAGES;
    private int cpHead;
    private int cpTail;
    private int writesSince;
    private long bytesSince;

    int size() {
        return tail - head;
    }

    ByteDelta get(int i) {
        return deltas[head + i];
    }

    long firstIndex() {
        return dropped;
    }

    boolean wantsCheckpoint() {
        return writesSince >= CHECKPOINT_WRITES || bytesSince >= CHECKPOINT_BYTES;
    }

    void add(ByteDelta d, int overlap) {
        if (tail == deltas.length) {
            int n = tail - head;
            if (n < deltas.length / 2) {
                // pruning emptied the front: slide down rather than grow
                System.arraycopy(deltas, head, deltas, 0, n);
                Arrays.fill(deltas, n, tail, null);
            } else {
                ByteDelta[] grown = new ByteDelta[deltas.length * 2];
                System.arraycopy(deltas, head, grown, 0, n);
                deltas = grown;
            }
            head = 0;
            tail = n;
        }
        deltas[tail++] = d;
        writesSince++;
        bytesSince += overlap;
    }

    void addCheckpoint(byte[] image) {
        if (cpTail == cpAt.length) {
            int n = cpTail - cpHead;
            int room = n < cpAt.length / 2 ? cpAt.length : Math.max(2, cpAt.length * 2);
            long[] at = new long[room];
            byte[][] images = new byte[room][];
            System.arraycopy(cpAt, cpHead, at, 0, n);
            System.arraycopy(cpImage, cpHead, images, 0, n);
            cpAt = at;
            cpImage = images;
            cpHead = 0;
            cpTail = n;
        }
        cpAt[cpTail] = dropped + size();
        cpImage[cpTail++] = image;
        writesSince = 0;
        bytesSince = 0;
    }

    /** Whether a checkpoint is already taken before the delta to be added next (a discarded call's, say). */
    boolean hasCheckpointBeforeNext() {
        return cpTail > cpHead && cpAt[cpTail - 1] == dropped + size();
    }

    /**
     * Whether checkpoint image {@code image} is delta {@code d}'s own array, the page as it was before it: a
     * whole page that changed hands ({@code ByteJournal}) or a loaded delta of a whole page. Such an image is
     * recycled (or not) with its delta, never as a checkpoint.
     */
    private static boolean sharedWith(byte[] image, ByteDelta d) {
        return image == d.store;
    }

    /** A delta whose bytes are the whole page before it, in an array of their own. */
    private static boolean wholePage(ByteDelta d, long pageStart) {
        return d.offset == pageStart && d.length == PAGE && d.pos == 0 && d.store.length == PAGE;
    }

    int checkpoints() {
        return cpTail - cpHead;
    }

    /**
     * Session restore: gives the page (whose bytes now are {@code now}) the checkpoints recording would have
     * taken (before the write that finds 256 writes or 64 KiB since the last one), counting from the oldest
     * retained write; the images come from going back from now, or are the write's own bytes when it covers the
     * page whole (as recording shares the page a whole-page write takes). Returns the heap they take.
     */
    long rebuildCheckpoints(long page, byte[] now) {
        long pageStart = page * PAGE;
        int n = size();
        boolean[] before = new boolean[n];
        int count = 0;
        writesSince = 0;
        bytesSince = 0;
        for (int i = 0; i < n; i++) {
            if (wantsCheckpoint()) {
                before[i] = true;
                count++;
                writesSince = 0;
                bytesSince = 0;
            }
            writesSince++;
            bytesSince += overlap(get(i), pageStart);
        }
        cpAt = new long[Math.max(2, count)];
        cpImage = new byte[cpAt.length][];
        cpHead = 0;
        cpTail = count;
        byte[] image = now.clone();
        long heap = 0;
        for (int i = n - 1, j = count - 1; i >= 0 && j >= 0; i--) {
            ByteDelta d = get(i);
            long lo = Math.max(d.offset, pageStart);
            System.arraycopy(d.store, d.pos + (int) (lo - d.offset), image, (int) (lo - pageStart),
                    overlap(d, pageStart));
            if (before[i]) {
                // image is now the page as it was before delta i
                cpAt[j] = dropped + i;
                boolean shared = wholePage(d, pageStart);
                cpImage[j--] = shared ? d.store : image.clone();
                heap += shared ? CHECKPOINT_OVERHEAD : PAGE + CHECKPOINT_OVERHEAD;
            }
        }
        return heap;
    }

    private static int overlap(ByteDelta d, long pageStart) {
        return (int) (Math.min(d.end(), pageStart + PAGE) - Math.max(d.offset, pageStart));
    }

    /** The page is forgotten: its checkpoints' images go to {@code spare}. */
    void dropCheckpoints(java.util.function.Consumer<byte[]> spare) {
        while (cpHead < cpTail) {
            spare.accept(cpImage[cpHead]);
            cpImage[cpHead++] = null;
        }
    }

    /** The retained checkpoint at or after absolute delta index {@code target}, or -1 when there is none. */
    int checkpointFrom(long target) {
        int cp = Arrays.binarySearch(cpAt, cpHead, cpTail, target);
        if (cp < 0) {
            cp = -cp - 1;
        }
        return cp < cpTail ? cp : -1;
    }

    /**
     * Drops the oldest delta; returns the heap freed by checkpoints that no longer have a use, whose images go
     * to {@code spare} (except the delta's own page, see {@link #sharedWith}).
     */
    long dropOldest(java.util.function.Consumer<byte[]> spare) {
        ByteDelta gone = deltas[head];
        deltas[head++] = null;
        dropped++;
        long freed = 0;
        while (cpHead < cpTail && cpAt[cpHead] < dropped) {
            if (sharedWith(cpImage[cpHead], gone)) {
                // the dropped delta's own page: the caller recycles it with the delta (when it owns it)
                freed += CHECKPOINT_OVERHEAD;
            } else {
                spare.accept(cpImage[cpHead]);
                freed += PAGE + CHECKPOINT_OVERHEAD;
            }
            cpImage[cpHead++] = null;
        }
        if (head == tail) {
            head = 0;
            tail = 0;
        }
        return freed;
    }

    /** How many of the retained deltas were made at or before {@code sequence}. */
    int countUpTo(long sequence) {
        int lo = 0;
        int hi = size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (get(mid).sequence() <= sequence) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    long lastSequence() {
        return size() == 0 ? Long.MIN_VALUE : get(size() - 1).sequence();
    }

    /** Checkpoint {@code cp}'s image of the page (see {@link #checkpointFrom}). */
    byte[] checkpointImage(int cp) {
        return cpImage[cp];
    }

    /** The absolute index of the delta checkpoint {@code cp} was taken before. */
    long checkpointAt(int cp) {
        return cpAt[cp];
    }
}
