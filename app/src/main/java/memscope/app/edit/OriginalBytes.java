package memscope.app.edit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import memscope.app.hex.ByteSource;

/**
 * What the bytes the editor changed held before its first change since the document was opened or saved, so a
 * byte typed back to its old value (or undone) is no longer marked as changed. Keeps the edits' own "before"
 * arrays (no copy) in disjoint segments: the first edit of a byte wins, later ones add only what is new.
 */
public final class OriginalBytes {
    /** Reports {@code [address, address + length)}: its bytes are the original ones again. */
    @FunctionalInterface
    public interface Restored {
        void restored(long address, long length);
    }

    private final TreeMap<Long, byte[]> segments = new TreeMap<>();

    /** {@code before} held {@code [address, address + before.length)} before an edit. */
    public void remember(long address, byte[] before) {
        long end = address + before.length;
        long at = address;
        for (Map.Entry<Long, byte[]> e : overlapping(address, end)) {
            long start = e.getKey();
            if (start > at) {
                put(at, slice(before, at - address, start - at));
            }
            at = Math.max(at, start + e.getValue().length);
        }
        if (at < end) {
            put(at, slice(before, at - address, end - at));
        }
    }

    /** The document was saved (or reopened): what it holds now is the original. */
    public void forget() {
        segments.clear();
    }

    /** The document now counts its addresses {@code delta} lower: every kept byte moves with it. */
    public void shift(long delta) {
        TreeMap<Long, byte[]> moved = new TreeMap<>();
        segments.forEach((address, bytes) -> moved.put(address - delta, bytes));
        segments.clear();
        segments.putAll(moved);
    }

    public boolean isEmpty() {
        return segments.isEmpty();
    }

    /**
     * Compares {@code [address, address + length)} with the original bytes where they are known, reading what it
     * holds now through {@code now}, and reports each run that is back to its original contents.
     */
    public void compare(long address, long length, ByteSource now, Restored restored) {
        long end = address + length;
        for (Map.Entry<Long, byte[]> e : overlapping(address, end)) {
            byte[] original = e.getValue();
            long from = Math.max(address, e.getKey());
            long to = Math.min(end, e.getKey() + original.length);
            byte[] current = new byte[(int) (to - from)];
            int n = now.read(from, current, current.length);
            int runStart = -1;
            for (int i = 0; i <= n; i++) {
                boolean same = i < n && current[i] == original[(int) (from - e.getKey()) + i];
                if (same && runStart < 0) {
                    runStart = i;
                } else if (!same && runStart >= 0) {
                    restored.restored(from + runStart, i - runStart);
                    runStart = -1;
                }
            }
        }
    }

    private List<Map.Entry<Long, byte[]>> overlapping(long start, long end) {
        List<Map.Entry<Long, byte[]>> out = new ArrayList<>();
        Long first = segments.floorKey(start);
        for (Map.Entry<Long, byte[]> e : segments.tailMap(first == null ? start : first, true).entrySet()) {
            if (e.getKey() >= end) {
                break;
            }
            if (e.getKey() + e.getValue().length > start) {
                out.add(e);
            }
        }
        return out;
    }

    private void put(long address, byte[] bytes) {
        if (bytes.length > 0) {
            segments.put(address, bytes);
        }
    }

    private static byte[] slice(byte[] b, long from, long length) {
        return from == 0 && length == b.length ? b : java.util.Arrays.copyOfRange(b, (int) from, (int) (from + length));
    }
}
