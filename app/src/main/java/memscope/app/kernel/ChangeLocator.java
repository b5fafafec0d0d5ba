package memscope.app.kernel;

import java.util.ArrayList;
import java.util.List;
import memscope.model.MapEntry;
import memscope.model.MemoryChange;

/**
 * Places a VMO change in a process's address space: through every mapping of that VMO, because a shared VMO
 * written through another process (or through the VMO itself) changes what this process sees too.
 */
public final class ChangeLocator {
    /** {@code length} bytes at {@code address}. */
    public record Span(long address, long length) {
    }

    private ChangeLocator() {
    }

    public static List<Span> locate(MemoryChange change, List<MapEntry> mappings) {
        List<Span> out = new ArrayList<>();
        for (MapEntry m : mappings) {
            if (!m.isMapping() || m.vmoKoid() != change.vmoKoid()) {
                continue;
            }
            long from = Math.max(change.offset(), m.vmoOffset());
            long to = Math.min(change.end(), m.vmoOffset() + m.size());
            if (from < to) {
                out.add(new Span(m.base() + (from - m.vmoOffset()), to - from));
            }
        }
        return out;
    }
}
