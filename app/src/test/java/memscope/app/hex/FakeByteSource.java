package memscope.app.hex;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An in-memory {@link ByteSource} for tests: regions of a given kind over any long range, sparse storage (an
 * unwritten byte reads as the low byte of its address), and an {@link EditHandler} that records every write.
 */
final class FakeByteSource implements ByteSource, EditHandler {
    record Write(long address, byte[] bytes) {
    }

    private record Region(long base, long end, CellKind kind) {
    }

    private final long start;
    private final long end;
    private final List<Region> regions = new ArrayList<>();
    private final Map<Long, Byte> written = new HashMap<>();
    final List<Write> writes = new ArrayList<>();
    int reads;
    int lastReadLength;
    boolean refuseWrites;

    FakeByteSource(long start, long end) {
        this.start = start;
        this.end = end;
    }

    FakeByteSource region(long base, long length, CellKind kind) {
        regions.add(new Region(base, base + length, kind));
        return this;
    }

    FakeByteSource fill(long base, byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            written.put(base + i, bytes[i]);
        }
        return this;
    }

    int valueAt(long address) {
        Byte b = written.get(address);
        return b != null ? b & 0xff : (int) (address & 0xff);
    }

    @Override
    public long start() {
        return start;
    }

    @Override
    public long end() {
        return end;
    }

    @Override
    public void read(long address, byte[] data, CellKind[] kinds, int length) {
        reads++;
        lastReadLength = length;
        for (int i = 0; i < length; i++) {
            long a = address + i;
            kinds[i] = kindAt(a);
            data[i] = (byte) valueAt(a);
        }
    }

    CellKind kindAt(long address) {
        for (Region r : regions) {
            if (address >= r.base && address < r.end) {
                return r.kind;
            }
        }
        return CellKind.UNMAPPED;
    }

    @Override
    public boolean write(long address, byte[] bytes) {
        writes.add(new Write(address, bytes.clone()));
        if (refuseWrites) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            written.put(address + i, bytes[i]);
        }
        return true;
    }
}
