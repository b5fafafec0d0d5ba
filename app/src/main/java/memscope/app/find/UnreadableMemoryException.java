package memscope.app.find;

/**
 * A search reached bytes that exist but could not be read (a file truncated or unreadable since it was opened):
 * it stops there, since going on would report "not found" for bytes nobody looked at.
 */
public final class UnreadableMemoryException extends RuntimeException {
    private final long address;

    public UnreadableMemoryException(long address) {
        super(String.format("the bytes at 0x%x could not be read", address));
        this.address = address;
    }

    /** The first address that could not be read. */
    public long address() {
        return address;
    }
}
