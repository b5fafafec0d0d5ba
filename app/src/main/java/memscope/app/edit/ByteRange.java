package memscope.app.edit;

/** Addresses {@code [start, end)}: a match, a selection, a readable stretch of memory. */
public record ByteRange(long start, long end) {
    public ByteRange {
        if (Long.compareUnsigned(end, start) < 0) {
            throw new IllegalArgumentException("range ends before it starts: [" + start + ", " + end + ")");
        }
    }

    public long length() {
        return end - start;
    }
}
