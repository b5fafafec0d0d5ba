package memscope.app.hex;

/**
 * The bytes a {@link HexView} shows. The view calls it on the FX thread, once per repaint, for the visible rows
 * only, so a source may span the whole 47-bit address space.
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
}
