package memscope.app.hex;

import java.util.Map;
import java.util.TreeMap;

/** The address ranges marked as changed, merged so overlapping or touching marks become one range. */
final class ChangedRanges {
    private final TreeMap<Long, Long> endByStart = new TreeMap<>();

    void add(long address, long length) {
        if (length <= 0) {
            return;
        }
        long start = address;
        long end = address + length < address ? Long.MAX_VALUE : address + length;
        Map.Entry<Long, Long> before = endByStart.floorEntry(start);
        if (before != null && before.getValue() >= start) {
            start = before.getKey();
            end = Math.max(end, before.getValue());
        }
        for (Map.Entry<Long, Long> next = endByStart.ceilingEntry(start);
             next != null && next.getKey() <= end; next = endByStart.ceilingEntry(start)) {
            end = Math.max(end, next.getValue());
            endByStart.remove(next.getKey());
        }
        endByStart.put(start, end);
    }

    /** Takes {@code [address, address + length)} out of the marks, splitting a range it falls inside. */
    void remove(long address, long length) {
        if (length <= 0) {
            return;
        }
        long end = address + length;
        Map.Entry<Long, Long> before = endByStart.floorEntry(address);
        if (before != null && before.getValue() > address) {
            endByStart.put(before.getKey(), address);
            if (before.getValue() > end) {
                endByStart.put(end, before.getValue());
            }
            if (before.getKey() == address) {
                endByStart.remove(address);
            }
        }
        for (Map.Entry<Long, Long> next = endByStart.ceilingEntry(address);
             next != null && next.getKey() < end; next = endByStart.ceilingEntry(address)) {
            endByStart.remove(next.getKey());
            if (next.getValue() > end) {
                endByStart.put(end, next.getValue());
                break;
            }
        }
    }

    void clear() {
        endByStart.clear();
    }

    boolean isEmpty() {
        return endByStart.isEmpty();
    }

    boolean contains(long address) {
        Map.Entry<Long, Long> e = endByStart.floorEntry(address);
        return e != null && address < e.getValue();
    }

    int rangeCount() {
        return endByStart.size();
    }
}
