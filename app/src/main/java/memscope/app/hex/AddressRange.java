package memscope.app.hex;

/** A half-open address range {@code [start, end)}; empty when {@code end == start}. */
public record AddressRange(long start, long end) {
    public AddressRange {
        if (end < start) {
            throw new IllegalArgumentException(String.format(
                    "address range end 0x%x lies before its start 0x%x", end, start));
        }
    }

    /** An empty range at {@code address}. */
    public static AddressRange empty(long address) {
        return new AddressRange(address, address);
    }

    public long length() {
        return end - start;
    }

    public boolean isEmpty() {
        return end == start;
    }

    public boolean contains(long address) {
        return address >= start && address < end;
    }

    @Override
    public String toString() {
        return String.format("[0x%x, 0x%x)", start, end);
    }
}
