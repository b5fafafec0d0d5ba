package memscope.model.fuzz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import memscope.model.Kernel;
import memscope.model.KernelInspector;
import memscope.model.MapEntry;
import memscope.model.MapsResult;
import memscope.model.ObjectType;

/**
 * Everything a caller can observe of a small world, to compare before and after a failed call: the handles, each
 * process's maps (with Mach's current and maximum protection) and the bytes of its mapped pages (the first page of
 * each mapping and every written page), and each VMO's properties. Cheap for small worlds: only written pages are
 * read.
 */
final class WorldSnapshot {
    final List<KernelInspector.HandleInfo> handles;
    /** processMaps per process koid, for the processes the caller holds a handle to. */
    final Map<Long, MapsResult> maps = new HashMap<>();
    private final List<Object> state = new ArrayList<>();

    WorldSnapshot(Kernel kernel) {
        KernelInspector inspector = kernel.inspector();
        handles = inspector.handles();
        state.add(kernel.options());
        state.add(handles);
        TreeSet<Long> vmos = new TreeSet<>();
        for (KernelInspector.HandleInfo h : handles) {
            if (h.type() == ObjectType.VMO) {
                vmos.add(h.koid());
            }
            if (h.type() != ObjectType.PROCESS || maps.containsKey(h.koid())) {
                continue;
            }
            state.add(inspector.process(h.koid()));
            MapsResult m = kernel.processMaps(h.handle());
            maps.put(h.koid(), m);
            state.add(m);
            for (MapEntry e : m.entries()) {
                if (e.isMapping()) {
                    vmos.add(e.vmoKoid());
                    state.add(inspector.mappingAt(h.handle(), e.base()));
                    pages(inspector, h.handle(), e);
                }
            }
        }
        for (long koid : vmos) {
            state.add(inspector.vmo(koid));
        }
    }

    /** The bytes of the mapping's first page and of every page its VMO has written within it. */
    private void pages(KernelInspector inspector, int process, MapEntry e) {
        TreeSet<Long> offsets = new TreeSet<>();
        offsets.add(0L);
        for (long page : inspector.committedPages(e.vmoKoid())) {
            long offset = page * memscope.model.Kernel.PAGE_SIZE - e.vmoOffset();
            if (offset >= 0 && offset < e.size()) {
                offsets.add(offset);
            }
        }
        byte[] page = new byte[memscope.model.Kernel.PAGE_SIZE];
        for (long offset : offsets) {
            Arrays.fill(page, (byte) 0);
            int n = inspector.peek(process, e.base() + offset, page);
            state.add(e.base() + offset);
            state.add(n);
            state.add(Arrays.hashCode(page));
        }
    }

    /** The first difference from {@code other}, or null when they are the same. */
    String differenceFrom(WorldSnapshot other) {
        if (state.size() != other.state.size()) {
            return "the number of observed things changed: " + state.size() + " -> " + other.state.size()
                    + (handles.equals(other.handles) ? "" : "; handles " + handles + " -> " + other.handles);
        }
        for (int i = 0; i < state.size(); i++) {
            if (!Objects.equals(state.get(i), other.state.get(i))) {
                return state.get(i) + " -> " + other.state.get(i);
            }
        }
        return null;
    }
}
