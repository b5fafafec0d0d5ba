package memscope.app.tree;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.scene.control.TreeItem;
import memscope.app.kernel.KernelSession;
import memscope.model.CachePolicy;
import memscope.model.KernelInspector;
import memscope.model.KernelInspector.HandleInfo;
import memscope.model.KernelInspector.ProcessInfo;
import memscope.model.KernelInspector.VmoInfo;
import memscope.model.MapEntry;

/**
 * Builds the tree processes -> root VMAR -> child VMARs -> mappings from {@code processMaps} (depth-ordered, as
 * ZX_INFO_PROCESS_MAPS gives it) and the inspector's VMO and process facts.
 */
public final class MappingTreeBuilder {
    private final KernelSession session;
    /** The moment the timeline shows, or null for now. */
    private memscope.model.Moment moment;

    public MappingTreeBuilder(KernelSession session) {
        this.session = session;
    }

    /** Builds the kernel as it was at {@code m} from now on (null: as it is now). */
    void showing(memscope.model.Moment m) {
        moment = m;
    }

    /** A hidden root whose children are the processes, in koid order. */
    public TreeItem<MappingRow> build() {
        KernelInspector inspector = session.kernel().inspector();
        if (moment != null) {
            return buildPast(moment, inspector.vdsoKoid());
        }
        TreeItem<MappingRow> root = new TreeItem<>(MappingRow.process(0, "", false));
        Map<Long, String> processes = new LinkedHashMap<>();
        for (HandleInfo h : session.processHandles()) {
            processes.putIfAbsent(h.koid(), h.name());
        }
        for (Map.Entry<Long, String> p : processes.entrySet()) {
            Optional<ProcessInfo> info = inspector.process(p.getKey());
            boolean dead = info.map(i -> !i.alive()).orElse(true);
            String name = info.map(ProcessInfo::name).orElse(p.getValue());
            TreeItem<MappingRow> process = new TreeItem<>(MappingRow.process(p.getKey(), name, dead));
            if (!dead) {
                session.readerFor(p.getKey()).ifPresent(reader ->
                        addEntries(process, p.getKey(), session.maps(reader), inspector::vmo,
                                inspector.vdsoKoid()));
            }
            root.getChildren().add(process);
        }
        return root;
    }

    /** The processes and maps of a past moment (the timeline's). */
    private static TreeItem<MappingRow> buildPast(memscope.model.Moment m, long vdsoKoid) {
        TreeItem<MappingRow> root = new TreeItem<>(MappingRow.process(0, "", false));
        for (ProcessInfo p : m.processes()) {
            TreeItem<MappingRow> process = new TreeItem<>(MappingRow.process(p.koid(), p.name(), !p.alive()));
            if (p.alive()) {
                addEntries(process, p.koid(), m.maps(p.koid()), m::vmo, vdsoKoid);
            }
            root.getChildren().add(process);
        }
        return root;
    }

    private static void addEntries(TreeItem<MappingRow> process, long koid, List<MapEntry> entries,
                                   java.util.function.LongFunction<Optional<VmoInfo>> vmos, long vdsoKoid) {
        // children are gathered in plain lists and handed over once per parent: one change event each, where
        // adding 100,000 items one by one fired 100,000 events up the tree
        Map<TreeItem<MappingRow>, List<TreeItem<MappingRow>>> children = new LinkedHashMap<>();
        children.put(process, new ArrayList<>());
        // parents.peek() is the VMAR at depth parents.size() - 1
        Deque<TreeItem<MappingRow>> parents = new ArrayDeque<>();
        for (MapEntry e : entries) {
            while (parents.size() > e.depth()) {
                parents.pop();
            }
            TreeItem<MappingRow> parent = parents.isEmpty() ? process : parents.peek();
            TreeItem<MappingRow> item = new TreeItem<>(row(koid, e, vmos, vdsoKoid));
            children.get(parent).add(item);
            if (!e.isMapping()) {
                parents.push(item);
                children.put(item, new ArrayList<>());
            }
        }
        children.forEach((parent, list) -> parent.getChildren().setAll(MappingGroups.of(list)));
    }

    private static MappingRow row(long processKoid, MapEntry e,
                                  java.util.function.LongFunction<Optional<VmoInfo>> vmos, long vdsoKoid) {
        if (!e.isMapping()) {
            return new MappingRow(MappingRow.Kind.VMAR, processKoid, e.name(), e.depth(), e.base(), e.size(), 0, 0,
                    "", 0, null, false, false, false);
        }
        Optional<VmoInfo> vmo = vmos.apply(e.vmoKoid());
        String vmoName = vmo.map(VmoInfo::name).orElse(e.name());
        CachePolicy policy = vmo.map(VmoInfo::cachePolicy).orElse(null);
        boolean vdso = vmo.map(VmoInfo::vdso).orElse(false) || e.vmoKoid() == vdsoKoid;
        boolean shared = vmo.map(VmoInfo::shared).orElse(false);
        return new MappingRow(MappingRow.Kind.MAPPING, processKoid, e.name(), e.depth(), e.base(), e.size(),
                e.permissions(), e.vmoKoid(), vmoName, e.vmoOffset(), policy, vdso, shared, false);
    }
}
