package memscope.model.linux;

import java.util.List;

/**
 * What a refresh of a visible range found: the byte ranges the process changed since the last look, in address
 * order (the kernel has already told its listeners, as {@code MemoryChange}s), and whether the process has
 * exited (then it is dead in the kernel and nothing was read).
 */
public record RefreshResult(List<Range> changed, boolean exited) {
    /** {@code [start, end)}. */
    public record Range(long start, long end) {
        public long length() {
            return end - start;
        }
    }

    /** The number of bytes changed. */
    public long changedBytes() {
        return changed.stream().mapToLong(Range::length).sum();
    }
}
