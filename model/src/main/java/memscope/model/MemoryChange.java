package memscope.model;

/**
 * Bytes {@code [offset, offset + length)} of the VMO with koid {@code vmoKoid} changed. Reported once per write,
 * in VMO coordinates, so every mapping of a shared VMO can place it.
 */
public record MemoryChange(long vmoKoid, long offset, long length) {
    public long end() {
        return offset + length;
    }
}
