package memscope.app.hex;

import java.util.List;

/**
 * The one way the app reads memory: the bytes a {@link HexView} shows, and what find, the data inspector, copy
 * and the change marks read. A document implements it over its process; the view calls it on the FX thread, once
 * per repaint, for the visible rows only, so a source may span the whole 47-bit address space.
 */
public interface ByteSource {
    /** The first address shown. */
    long start();

    /** One past the last address shown; {@code end() >= start()}. */
    long end();

    /**
     * Fills {@code data[0..length)} and {@code kinds[0..length)} with the bytes at {@code [address, address+length)}
     * and what lies behind each. The range is always inside {@code [start(), end())}. A byte without a value
     * ({@link CellKind#UNMAPPED}, {@link CellKind#UNREADABLE}) may hold anything in {@code data}.
     */
    void read(long address, byte[] data, CellKind[] kinds, int length);

    /**
     * Copies up to {@code length} bytes at {@code address} into {@code dst[0..]} and returns how many: they stop
     * at the first byte without a value or at {@link #end()}; 0 when {@code address} itself has none. Addresses
     * outside {@code [start(), end())} have none.
     */
    default int read(long address, byte[] dst, int length) {
        if (address < start() || address >= end() || length <= 0) {
            return 0;
        }
        int n = (int) Math.min(length, end() - address);
        CellKind[] kinds = new CellKind[n];
        read(address, dst, kinds, n);
        int got = 0;
        while (got < n && kinds[got].hasValue()) {
            got++;
        }
        return got;
    }

    /**
     * True when reading from {@code address} to the end of its page, inside {@link #readableRanges}, fails
     * rather than finding nothing there: the memory exists but its bytes could not be had (a file truncated or
     * unreadable since it was opened). A search stops there with a message instead of passing over the bytes as
     * if they were absent.
     */
    default boolean readFailsAt(long address) {
        return false;
    }

    /**
     * The stretches within {@code [from, to)} that may hold values (mappings, adjacent ones merged), ascending and
     * disjoint, inside {@code [start(), end())}: a search skips everything else and never matches across a gap.
     * By default the whole overlap is one stretch.
     */
    default List<AddressRange> readableRanges(long from, long to) {
        long s = Math.max(from, start());
        long e = Math.min(to, end());
        return s < e ? List.of(new AddressRange(s, e)) : List.of();
    }
}
