package memscope.app.files;

import memscope.app.hex.AddressRange;
import memscope.app.hex.ByteSource;
import memscope.app.hex.CellKind;

/**
 * Shows only part of another source: an open file's bytes, not the rest of its last page or the address space
 * around it. Reads outside the range never happen because the view asks only for {@code [start(), end())}.
 */
public final class ClippedByteSource implements ByteSource {
    private final ByteSource inner;
    private final long start;
    private final long end;

    public ClippedByteSource(ByteSource inner, AddressRange range) {
        this.inner = inner;
        this.start = Math.max(range.start(), inner.start());
        this.end = Math.max(this.start, Math.min(range.end(), inner.end()));
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
        inner.read(address, data, kinds, length);
    }
}
