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
