package memscope.app.edit;

import java.util.ArrayList;
import java.util.List;
import memscope.app.hex.AddressRange;
import memscope.app.hex.ByteSource;
import memscope.app.hex.CellKind;

/** Memory for tests (the edit and find tests): {@code data} at {@code base}, where only the bytes marked readable can be read. */
public final class ArrayByteSource implements ByteSource {
    private final long base;
    private final byte[] data;
    private final boolean[] readable;
    int reads;

    public ArrayByteSource(long base, byte[] data, boolean[] readable) {
        this.base = base;
        this.data = data;
        this.readable = readable;
    }

    @Override
    public long start() {
        return base;
    }

    @Override
    public long end() {
        return base + data.length;
    }

    @Override
    public void read(long address, byte[] into, CellKind[] kinds, int length) {
        for (int i = 0; i < length; i++) {
            int at = (int) (address + i - base);
            into[i] = data[at];
            kinds[i] = readable[at] ? CellKind.WRITABLE : CellKind.UNREADABLE;
        }
    }

    @Override
    public int read(long address, byte[] dst, int length) {
        reads++;
        int n = 0;
        while (n < length && address + n - base >= 0 && address + n - base < data.length
                && readable[(int) (address + n - base)]) {
            dst[n] = data[(int) (address + n - base)];
            n++;
        }
        return n;
    }

    @Override
    public List<AddressRange> readableRanges(long start, long end) {
        List<AddressRange> out = new ArrayList<>();
        long runStart = -1;
        for (long a = Math.max(start, base); a < Math.min(end, base + data.length); a++) {
            boolean r = readable[(int) (a - base)];
            if (r && runStart < 0) {
                runStart = a;
            } else if (!r && runStart >= 0) {
                out.add(new AddressRange(runStart, a));
                runStart = -1;
            }
        }
        if (runStart >= 0) {
            out.add(new AddressRange(runStart, Math.min(end, base + data.length)));
        }
        return out;
    }
}
