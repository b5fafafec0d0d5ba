package memscope.app.hex;

/** Receives the bytes the user types into a {@link HexView}; the view never writes memory itself. */
@FunctionalInterface
public interface EditHandler {
    /**
     * Writes {@code bytes} at {@code address}.
     *
     * @return true when every byte was written; false when the write was refused or partial
     */
    boolean write(long address, byte[] bytes);
}
