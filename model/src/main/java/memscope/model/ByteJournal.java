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

    /** One write's overwritten bytes in one VMO: {@code length} bytes at {@code offset}, kept at {@code store[pos]}. */
    static final class Delta {
        final VmObject vmo;
        final long offset;
        final byte[] store;
        final int pos;
        final int length;
        /** The recorded call; set when the call completes. */
        HistoryStep step;

        Delta(VmObject vmo, long offset, byte[] store, int pos, int length) {
            this.vmo = vmo;
            this.offset = offset;
            this.store = store;
            this.pos = pos;
            this.length = length;
        }

        long end() {
            return offset + length;
        }

        int before(long at) {
            return store[pos + (int) (at - offset)] & 0xff;
        }

        long sequence() {
            return step.sequence;
        }
    }

    /** The deltas of the call under way; kept only if it completes without a refusal that undid it. */
    final class Pending {
        private Delta first;
        private List<Delta> more;
        private final byte[] chunkAtStart = chunk;
        private final int posAtStart = pos;

        List<Delta> deltas() {
            if (first == null) {
                return List.of();
            }
            if (more == null) {
                return List.of(first);
            }
            List<Delta> all = new ArrayList<>(more.size() + 1);
            all.add(first);
            all.addAll(more);
            return all;
        }

        /** Keeps the bytes {@code [offset, offset + length)} of {@code vmo} are about to lose. */
        void before(VmObject vmo, long offset, long length) {
            before(vmo, offset, length, null, 0);
        }

        /**
         * As {@link #before(VmObject, long, long)} for a write of {@code src[srcOffset...]}: only the bytes the
         * write really changes are kept (an equal head and tail cost nothing; an equal write nothing at all).
         */
        void before(VmObject vmo, long offset, long length, byte[] src, int srcOffset) {
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
                    return;
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
            if (first == null) {
                // a checkpoint is the page before this call: only true before the call's first write
                checkpointPages(vmo, offset, n);
            }
            Delta d = new Delta(vmo, offset, store, at, n);
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
            first = null;
            more = null;
        }
    }

    private final Map<Long, Map<Long, PageLog>> pages = new HashMap<>();
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
    /** Images of dropped checkpoints, reused by the next checkpoints. */
    private final ArrayDeque<byte[]> spareImages = new ArrayDeque<>();
    private static final int SPARE_IMAGES = 256;

    private record Retired(byte[] chunk, long lastCall) {
    }
    /** Estimated heap the retained deltas and checkpoints take. */
    private long bytes;

    Pending begin() {
        return new Pending();
    }

    /** Retires the full chunk and continues in a free retired one, or a new one. */
    private void nextChunk() {
        // the call under way, if it commits, is number committed + 1 and may have bytes in this chunk
        retired.addLast(new Retired(chunk, committed + 1));
        Retired oldest = retired.peekFirst();
        chunk = oldest.lastCall() <= dropped && oldest.chunk() != chunk ? retired.pollFirst().chunk() : new byte[CHUNK];
        pos = 0;
    }

    private void spare(byte[] image) {
        if (image != null && spareImages.size() < SPARE_IMAGES) {
            spareImages.push(image);
        }
    }

    long bytes() {
        return bytes;
    }

    /** Takes the checkpoints the pages under a write are due, before the write changes them. */
    private void checkpointPages(VmObject vmo, long offset, int length) {
        Map<Long, PageLog> logs = pages.get(vmo.koid);
        if (logs == null) {
            return;
        }
        for (long p = offset / PAGE; p <= (offset + length - 1) / PAGE; p++) {
            PageLog log = logs.get(p);
            if (log != null && log.wantsCheckpoint()) {
                byte[] image = spareImages.isEmpty() ? new byte[PAGE] : spareImages.pop();
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
    void commit(HistoryStep step, List<Delta> deltas) {
        committed++;
        for (Delta d : deltas) {
            d.step = step;
            Map<Long, PageLog> logs = pages.computeIfAbsent(d.vmo.koid, v -> new HashMap<>());
            for (long p = d.offset / PAGE; p <= (d.end() - 1) / PAGE; p++) {
                long from = Math.max(d.offset, p * PAGE);
                long to = Math.min(d.end(), (p + 1) * PAGE);
                logs.computeIfAbsent(p, x -> new PageLog()).add(d, (int) (to - from));
            }
            bytes += DELTA_OVERHEAD + d.length;
        }
    }

    /** Forgets the deltas of the oldest retained call (they are the oldest of every page they touch). */
    void drop(List<Delta> deltas) {
        dropped++;
        for (Delta d : deltas) {
            Map<Long, PageLog> logs = pages.get(d.vmo.koid);
            for (long p = d.offset / PAGE; p <= (d.end() - 1) / PAGE; p++) {
                PageLog log = logs.get(p);
                bytes -= log.dropOldest(this::spare);
                if (log.size() == 0) {
                    logs.remove(p);
                    bytes -= log.checkpoints() * (long) (PAGE + CHECKPOINT_OVERHEAD);
                    log.dropCheckpoints(this::spare);
                }
            }
            if (logs.isEmpty()) {
                pages.remove(d.vmo.koid);
            }
            bytes -= DELTA_OVERHEAD + d.length;
        }
    }

    /**
     * Session restore, once every call is in: the checkpoints recording would have taken, rebuilt from the bytes
     * now (sessions do not save them), so that going back after a load costs what it costs live. A page that
     * cannot be read now gets none; going back over it reads nothing anyway.
     */
    void rebuildCheckpoints() {
        byte[] now = new byte[PAGE];
        for (Map<Long, PageLog> logs : pages.values()) {
            for (Map.Entry<Long, PageLog> e : logs.entrySet()) {
                PageLog log = e.getValue();
                try {
                    log.get(0).vmo.read(e.getKey() * PAGE, now, 0, PAGE);
                } catch (UncheckedIOException x) {
                    continue;
                }
                bytes += log.rebuildCheckpoints(e.getKey(), now) * (long) (PAGE + CHECKPOINT_OVERHEAD);
            }
        }
    }

    /**
     * Copies {@code length} bytes at {@code offset} of {@code vmo} as they were just after call {@code sequence}
     * into {@code into}; false when a page cannot be read (its file fails today and no write covers it).
     */
    boolean read(VmObject vmo, long offset, byte[] into, int at, int length, long sequence) {
        Map<Long, PageLog> logs = pages.get(vmo.koid);
        byte[] page = null;
        while (length > 0) {
            long p = offset / PAGE;
            int inPage = (int) (offset - p * PAGE);
            int n = Math.min(length, PAGE - inPage);
            PageLog log = logs == null ? null : logs.get(p);
            if (log == null || log.lastSequence() <= sequence) {
                try {
                    vmo.read(offset, into, at, n);
                } catch (UncheckedIOException e) {
                    return false;
                }
            } else {
                if (page == null) {
                    page = new byte[PAGE];
                }
                if (!pageAt(vmo, p, log, sequence, page)) {
                    return false;
                }
                System.arraycopy(page, inPage, into, at, n);
            }
            offset += n;
            at += n;
            length -= n;
        }
        return true;
    }

    /** Page {@code p} as it was after call {@code sequence}: from the next checkpoint (or now), writes undone. */
    private boolean pageAt(VmObject vmo, long p, PageLog log, long sequence, byte[] page) {
        int k = log.countUpTo(sequence);
        long target = log.firstIndex() + k;
        int cp = log.checkpointFrom(target);
        int from;
        if (cp >= 0) {
            System.arraycopy(log.checkpointImage(cp), 0, page, 0, PAGE);
            from = (int) (log.checkpointAt(cp) - log.firstIndex());
        } else {
            try {
                vmo.read(p * PAGE, page, 0, PAGE);
            } catch (UncheckedIOException e) {
                return false;
            }
            from = log.size();
        }
        long pageStart = p * PAGE;
        for (int i = from - 1; i >= k; i--) {
            Delta d = log.get(i);
            long lo = Math.max(d.offset, pageStart);
            long hi = Math.min(d.end(), pageStart + PAGE);
            System.arraycopy(d.store, d.pos + (int) (lo - d.offset), page, (int) (lo - pageStart), (int) (hi - lo));
        }
        return true;
    }

    /** The retained writes of page {@code p} of {@code vmo}, oldest first (empty when none). */
    List<Delta> writesOf(long vmoKoid, long p) {
        Map<Long, PageLog> logs = pages.get(vmoKoid);
        PageLog log = logs == null ? null : logs.get(p);
        if (log == null) {
            return List.of();
        }
        List<Delta> out = new ArrayList<>(log.size());
        for (int i = 0; i < log.size(); i++) {
            out.add(log.get(i));
        }
        return out;
    }
}
