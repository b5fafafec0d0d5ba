package memscope.model;

import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The bytes side of the history: for every recorded write, the bytes it overwrote (only those: a 1-byte edit
 * costs a byte plus a small header), indexed by (VMO, page). The bytes at a moment are the bytes now with every
 * later write undone, newest first; each page also keeps an occasional image of itself (a checkpoint) so that
 * going back costs the writes between the moment and the next checkpoint, not the writes up to now. The "after"
 * value of a write is not stored: it is the "before" value of the next write of that byte, or the byte now.
 * Guarded by the kernel lock (written under the write lock, read under the read lock).
 */
final class ByteJournal {
    static final int PAGE = Kernel.PAGE_SIZE;
    /** A page takes a checkpoint after this many writes... */
    static final int CHECKPOINT_WRITES = 256;
    /** ...or after this many overwritten bytes since its last one, whichever comes first. */
    static final int CHECKPOINT_BYTES = 16 * PAGE;
    /** Before-bytes are packed into chunks of this size; a larger write gets its own array. */
    private static final int CHUNK = 1 << 18;
    /** Estimated heap of one delta and of one checkpoint besides their bytes. */
    static final int DELTA_OVERHEAD = 56;
    static final int CHECKPOINT_OVERHEAD = 48;

    /**
     * The deltas of the call under way; kept only if it completes without a refusal that undid it. One is reused
     * from call to call (see {@link #begin}), so recording a call allocates only what the history keeps.
     */
    final class Pending {
        private ByteDelta first;
        private List<ByteDelta> more;
        private byte[] chunkAtStart;
        private int posAtStart;

        private Pending start() {
            first = null;
            if (more != null) {
                more.clear();
            }
            chunkAtStart = chunk;
            posAtStart = pos;
            return this;
        }

        boolean isEmpty() {
            return first == null;
        }

        /** The deltas as a {@link HistoryStep} keeps them: null, the only one, or an array of all of them. */
        Object writes() {
            if (first == null) {
                return null;
            }
            if (more == null || more.isEmpty()) {
                return first;
            }
            ByteDelta[] all = new ByteDelta[more.size() + 1];
            all[0] = first;
            for (int i = 0; i < more.size(); i++) {
                all[i + 1] = more.get(i);
            }
            return all;
        }

        /** Keeps the bytes {@code [offset, offset + length)} of {@code vmo} are about to lose. */
        void before(VmObject vmo, long offset, long length) {
            before(vmo, offset, length, null, 0);
        }

        /**
         * Writes {@code src[srcOffset...]} to {@code [offset, offset + length)} of {@code vmo} and keeps what it
         * overwrote. A page the write covers whole and that was written before changes hands instead of being
         * copied: the history keeps the VMO's array and the VMO gets a fresh one holding the new bytes (a page
         * the cap dropped, when there is one), unread, all of it, even when the write changes nothing there.
         * Partly covered pages, and pages that still read from their source, keep only the bytes that change, as
         * {@link #before(VmObject, long, long, byte[], int)} does.
         */
        void write(VmObject vmo, long offset, byte[] src, int srcOffset, int length, PageStore.Originals originals) {
            long end = offset + length;
            long lo = (offset + PAGE - 1) & -PAGE;
            long hi = end & -PAGE;
            if (lo >= hi) {
                before(vmo, offset, length, src, srcOffset);
                vmo.write(offset, src, srcOffset, length, originals);
                return;
            }
            if (first == null) {
                // a checkpoint is the page before this call: only true before the call's first write. A written
                // page the write covers whole is skipped: the page the history takes from the VMO is its image
                checkpointPages(vmo, offset, length, lo, hi);
            }
            if (offset < lo) {
                keep(vmo, offset, lo - offset, src, srcOffset);
                vmo.write(offset, src, srcOffset, (int) (lo - offset), originals);
            }
            PageStore store = vmo.pages();
            for (long at = lo; at < hi; at += PAGE) {
                int from = srcOffset + (int) (at - offset);
                byte[] old = store.writtenPage(at / PAGE);
                if (old == null) {
                    keep(vmo, at, PAGE, src, from);
                    vmo.write(at, src, from, PAGE, originals);
                } else {
                    takePage(vmo, at, old, src, from);
                }
            }
            if (hi < end) {
                int from = srcOffset + (int) (hi - offset);
                keep(vmo, hi, end - hi, src, from);
                vmo.write(hi, src, from, (int) (end - hi), originals);
            }
        }

        /**
         * Page {@code page} of {@code vmo} is about to be forgotten whole (a shrink): a written page changes hands,
         * the VMO gives its array to the history rather than the history copying it; an unwritten one costs nothing
         * (it reads from its source, which does not change).
         */
        void dropPage(VmObject vmo, long page) {
            byte[] old = vmo.pages().takePage(page);
            if (old != null) {
                add(new ByteDelta(vmo, page * PAGE, old, 0, PAGE, true));
            }
        }

        /**
         * Page {@code at} of {@code vmo}, held in {@code old}, is written whole from {@code src[from...]}. The old
         * page is not read: on a page out of the cache, comparing it with {@code src} to trim an equal head and tail
         * cost a quarter of the write. The delta keeps the whole page; readers skip the bytes it did not change
         * ({@link History#writersOf}, {@link ChangedExtent} for diffs).
         */
        private void takePage(VmObject vmo, long at, byte[] old, byte[] src, int from) {
            byte[] fresh = sparePages.poll();
            if (fresh == null) {
                // copying into a new array lets the compiler skip zeroing it
                fresh = Arrays.copyOfRange(src, from, from + PAGE);
            } else {
                System.arraycopy(src, from, fresh, 0, PAGE);
            }
            vmo.pages().replacePage(at / PAGE, fresh);
            add(new ByteDelta(vmo, at, old, 0, PAGE, true));
        }

        /**
         * As {@link #before(VmObject, long, long)} for a write of {@code src[srcOffset...]}: only the bytes the
         * write really changes are kept (an equal head and tail cost nothing; an equal write nothing at all).
         */
        void before(VmObject vmo, long offset, long length, byte[] src, int srcOffset) {
            ByteDelta d = keep(vmo, offset, length, src, srcOffset);
            if (d != null && first == d) {
                // a checkpoint is the page before this call: only true before the call's first write
                checkpointPages(vmo, d.offset, d.length, 0, 0);
            }
        }

        /** Keeps what the write changes, with no checkpoint; the delta kept, or null when nothing changes. */
        private ByteDelta keep(VmObject vmo, long offset, long length, byte[] src, int srcOffset) {
            int n = (int) length;
            byte[] store;
            int at;
            if (n > CHUNK / 4) {
                store = new byte[n];
                at = 0;
            } else {
                if (pos + n > CHUNK) {
                    nextChunk();
                }
                store = chunk;
                at = pos;
                pos += n;
            }
            try {
                vmo.read(offset, store, at, n);
            } catch (UncheckedIOException e) {
                // a page its file cannot supply was never seen: it reads as zeros in the past
                Arrays.fill(store, at, at + n, (byte) 0);
            }
            if (src != null) {
                int head = Arrays.mismatch(store, at, at + n, src, srcOffset, srcOffset + n);
                if (head < 0) {
                    giveBack(store, at, n);
                    return null;
                }
                int last = n - 1;
                while (store[at + last] == src[srcOffset + last]) {
                    last--;
                }
                int kept = last - head + 1;
                if (head > 0) {
                    System.arraycopy(store, at + head, store, at, kept);
                }
                giveBack(store, at + kept, n - kept);
                offset += head;
                n = kept;
            }
            ByteDelta d = new ByteDelta(vmo, offset, store, at, n);
            add(d);
            return d;
        }

        private void add(ByteDelta d) {
            if (first == null) {
                first = d;
            } else {
                if (more == null) {
                    more = new ArrayList<>(2);
                }
                more.add(d);
            }
        }

        /** Returns the room of {@code n} bytes at the end of the chunk (a trimmed or unchanged write's). */
        private void giveBack(byte[] store, int at, int n) {
            if (store == chunk && at + n == pos) {
                pos -= n;
            }
        }

        /** The call changed nothing after all: its bytes' room is reused (a chunk it retired stays retired). */
        void discard() {
            if (chunk == chunkAtStart) {
                pos = posAtStart;
            }
            if (first != null && first.ownsPage) {
                spare(first.store);
            }
            if (more != null) {
                for (ByteDelta d : more) {
                    if (d.ownsPage) {
                        spare(d.store);
                    }
                }
                more.clear();
            }
            first = null;
        }
    }

    private final Map<Long, PageLogs> pages = new HashMap<>();
    /** The VMO the last recorded write went to, and its logs: recording looks them up without boxing its koid. */
    private long lastKoid = -1;
    private PageLogs lastLogs;
    /** {@link #spare}, made once rather than on every dropped delta. */
    private final java.util.function.Consumer<byte[]> toSpare = this::spare;
    private byte[] chunk = new byte[CHUNK];
    private int pos;
    /** Calls committed and calls dropped so far: calls leave in the order they came, so these say what is free. */
    private long committed;
    private long dropped;
    /**
     * Full chunks, oldest first, each with the number of the last call that may have bytes in it. Once the cap
     * has dropped that call the chunk is written again instead of allocating a new one: a history at its cap then
     * allocates nothing for bytes, and the garbage collector never copies them (a fresh 256 KiB chunk per 64
     * writes of 4 KiB, promoted and later collected, cost more than the write itself).
     */
    private final ArrayDeque<Retired> retired = new ArrayDeque<>();
    /**
     * Whole pages the history no longer needs (dropped checkpoints' images, pages dropped calls took from VMOs),
     * reused as the next checkpoints and as the fresh pages whole-page writes give VMOs. Outside {@link #bytes()}:
     * at most {@link #spareLimit} pages.
     */
    private final ArrayDeque<byte[]> sparePages = new ArrayDeque<>();
    static final int SPARE_PAGES = 256;
    private int spareLimit = SPARE_PAGES;

    private record Retired(byte[] chunk, long lastCall) {
    }
    /** Estimated heap the retained deltas and checkpoints take. */
    private long bytes;

    /** The pending call's deltas, the calls' own one unless it is {@code nested} in a call that holds it. */
    private final Pending reused = new Pending();

    /**
     * Where a call's overwritten bytes go until it commits: the one reused by every outermost call (they run one
     * at a time, under the write lock), a new one for a call {@code nested} inside another.
     */
    Pending begin(boolean nested) {
        return nested ? new Pending().start() : reused.start();
    }

    /** Retires the full chunk and continues in a free retired one, or a new one. */
    private void nextChunk() {
        // the call under way, if it commits, is number committed + 1 and may have bytes in this chunk
        retired.addLast(new Retired(chunk, committed + 1));
        Retired oldest = retired.peekFirst();
        chunk = oldest.lastCall() <= dropped && oldest.chunk() != chunk ? retired.pollFirst().chunk() : new byte[CHUNK];
        pos = 0;
    }

    private void spare(byte[] page) {
        if (page != null && sparePages.size() < spareLimit) {
            sparePages.addLast(page);
        }
    }

    /**
     * How many dropped pages to keep aside for reuse: what the cap drops at once (1/16 of it), so that a history
     * at its cap takes its fresh pages from them rather than from the allocator; never fewer than 256.
     */
    void spareLimit(long cap) {
        spareLimit = (int) Math.max(SPARE_PAGES, Math.min(Integer.MAX_VALUE, cap / 16 / PAGE));
        while (sparePages.size() > spareLimit) {
            sparePages.pollLast();
        }
    }

    long bytes() {
        return bytes;
    }

    /**
     * The logs of VMO {@code koid} (made when {@code make}), or null; under the write lock only, since it
     * remembers the last VMO (readers, who may be many at once, use {@code pages} itself).
     */
    private PageLogs recordingLogs(long koid, boolean make) {
        if (koid == lastKoid) {
            return lastLogs;
        }
        PageLogs logs = pages.get(koid);
        if (logs == null && make) {
            logs = new PageLogs();
            pages.put(koid, logs);
        }
        if (logs != null) {
            lastKoid = koid;
            lastLogs = logs;
        }
        return logs;
    }

    /**
     * Takes the checkpoints the pages under a write are due, before the write changes them, except for the written
     * pages within {@code [handOverFrom, handOverTo)}: those change hands whole, and {@link #commit} makes the page
     * the history takes their checkpoint, without a copy.
     */
    private void checkpointPages(VmObject vmo, long offset, int length, long handOverFrom, long handOverTo) {
        PageLogs logs = recordingLogs(vmo.koid, false);
        if (logs == null) {
            return;
        }
        for (long p = offset / PAGE; p <= (offset + length - 1) / PAGE; p++) {
            PageLog log = logs.get(p);
            if (log != null && log.wantsCheckpoint()
                    && !(p * PAGE >= handOverFrom && p * PAGE < handOverTo && vmo.pages().writtenPage(p) != null)) {
                byte[] image = sparePages.isEmpty() ? new byte[PAGE] : sparePages.pollFirst();
                try {
                    vmo.read(p * PAGE, image, 0, PAGE);
                } catch (UncheckedIOException e) {
                    spare(image);
                    continue;
                }
                log.addCheckpoint(image);
                bytes += PAGE + CHECKPOINT_OVERHEAD;
            }
        }
    }

    /** Files the deltas of a completed call under their pages. */
    void commit(HistoryStep step) {
        committed++;
        for (int i = 0, n = step.deltaCount(); i < n; i++) {
            ByteDelta d = step.delta(i);
            d.step = step;
            PageLogs logs = recordingLogs(d.vmo.koid, true);
            for (long p = d.offset / PAGE; p <= (d.end() - 1) / PAGE; p++) {
                long from = Math.max(d.offset, p * PAGE);
                long to = Math.min(d.end(), (p + 1) * PAGE);
                PageLog log = logs.getOrAdd(p);
                if (d.ownsPage && log.wantsCheckpoint() && !log.hasCheckpointBeforeNext()) {
                    handOverCheckpoint(log, d);
                }
                log.add(d, (int) (to - from));
            }
            bytes += d.heap();
        }
    }

    /**
     * The checkpoint of a page that changed hands, due before {@code d}: the page the VMO gave up is the page
     * before {@code d}, whole (a hand-over keeps all of it), so it is the checkpoint, for the cost of an entry; a
     * loaded session rebuilds the same (see {@link PageLog#rebuildCheckpoints}).
     */
    private void handOverCheckpoint(PageLog log, ByteDelta d) {
        log.addCheckpoint(d.store);
        bytes += CHECKPOINT_OVERHEAD;
    }

    /** Forgets the deltas of the oldest retained call (they are the oldest of every page they touch). */
    void drop(HistoryStep oldest) {
        dropped++;
        for (int i = 0, n = oldest.deltaCount(); i < n; i++) {
            ByteDelta d = oldest.delta(i);
            PageLogs logs = recordingLogs(d.vmo.koid, false);
            for (long p = d.offset / PAGE; p <= (d.end() - 1) / PAGE; p++) {
                PageLog log = logs.get(p);
                bytes -= log.dropOldest(toSpare);
                if (log.size() == 0) {
                    logs.remove(p);
                    bytes -= log.checkpoints() * (long) (PAGE + CHECKPOINT_OVERHEAD);
                    log.dropCheckpoints(toSpare);
                }
            }
            if (logs.isEmpty()) {
                pages.remove(d.vmo.koid);
                lastKoid = -1;
                lastLogs = null;
            }
            bytes -= d.heap();
            if (d.ownsPage) {
                spare(d.store);
            }
        }
    }

    /**
     * Session restore, once every call is in: the checkpoints recording would have taken, rebuilt from the bytes
     * now (sessions do not save them), so that going back after a load costs what it costs live. A page that
     * cannot be read now gets none; going back over it reads nothing anyway.
     */
    void rebuildCheckpoints() {
        byte[] now = new byte[PAGE];
        for (PageLogs logs : pages.values()) {
            logs.forEach((page, log) -> {
                try {
                    log.get(0).vmo.read(page * PAGE, now, 0, PAGE);
                } catch (UncheckedIOException x) {
                    return;
                }
                bytes += log.rebuildCheckpoints(page, now);
            });
        }
    }

    /**
     * Copies {@code length} bytes at {@code offset} of {@code vmo} as they were just after call {@code sequence}
     * into {@code into}; false when a page cannot be read (its file fails today and no write covers it).
     */
    boolean read(VmObject vmo, long offset, byte[] into, int at, int length, long sequence) {
        return PastBytes.read(pages.get(vmo.koid), vmo, offset, into, at, length, sequence);
    }

    /** The log of page {@code p} of the VMO with koid {@code vmoKoid}, or null; for readers. */
    PageLog logOf(long vmoKoid, long p) {
        PageLogs logs = pages.get(vmoKoid);
        return logs == null ? null : logs.get(p);
    }

    /** The retained writes of page {@code p} of {@code vmo}, oldest first (empty when none). */
    List<ByteDelta> writesOf(long vmoKoid, long p) {
        PageLogs logs = pages.get(vmoKoid);
        PageLog log = logs == null ? null : logs.get(p);
        if (log == null) {
            return List.of();
        }
        List<ByteDelta> out = new ArrayList<>(log.size());
        for (int i = 0; i < log.size(); i++) {
            out.add(log.get(i));
        }
        return out;
    }
}
