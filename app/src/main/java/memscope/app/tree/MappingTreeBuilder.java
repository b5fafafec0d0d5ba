package memscope.app.tree;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.collections.ObservableList;
import javafx.scene.control.TreeItem;
import memscope.app.document.Document;
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
    /** The open documents, shown first (none until the window hands them over). */
    private List<Document> documents = List.of();

    public MappingTreeBuilder(KernelSession session) {
        this.session = session;
    }

    /** Builds the kernel as it was at {@code m} from now on (null: as it is now). */
    void showing(memscope.model.Moment m) {
        moment = m;
    }

    /** Puts the open documents first in the tree, one node each (see {@link #build()}). */
    void showing(ObservableList<Document> documents) {
        this.documents = documents;
    }

    /**
     * A hidden root whose children are first the open documents, in the order they were opened (the tabs'
     * order), each as its process with its address space, then the processes no document shows, in koid order.
     * The past (the timeline's) shows its processes only.
     */
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
        java.util.Set<Long> documented = new java.util.HashSet<>();
        for (Document doc : documents) {
            documented.add(doc.processKoid());
            root.getChildren().add(process(inspector, doc.processKoid(), processes.getOrDefault(doc.processKoid(),
                    doc.name()), row -> new DocumentItem(row, doc)));
        }
        for (Map.Entry<Long, String> p : processes.entrySet()) {
            if (!documented.contains(p.getKey())) {
                root.getChildren().add(process(inspector, p.getKey(), p.getValue(), TreeItem::new));
            }
        }
        return root;
    }

    /** A process's node, made by {@code node} from its row, with its address space when it is alive and readable. */
    private TreeItem<MappingRow> process(KernelInspector inspector, long koid, String fallbackName,
                                         java.util.function.Function<MappingRow, TreeItem<MappingRow>> node) {
        Optional<ProcessInfo> info = inspector.process(koid);
        boolean dead = info.map(i -> !i.alive()).orElse(true);
        String name = info.map(ProcessInfo::name).orElse(fallbackName);
        TreeItem<MappingRow> process = node.apply(MappingRow.process(koid, name, dead));
        if (!dead) {
            session.readerFor(koid).ifPresent(reader ->
                    addEntries(process, koid, session.maps(reader), inspector::vmo, inspector.vdsoKoid()));
        }
        return process;
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
        // children are handed over once per parent: one change event each, where adding 100,000 items one by one
        // fired 100,000 events up the tree; a grouped level makes its rows only when a group is expanded
        process.getChildren().setAll(level(koid, entries, 0, entries.size(), 0, e -> row(koid, e, vmos, vdsoKoid)));
    }

    /** The rows of the current kernel for {@code entries} (children at {@code depth} with their subtrees). */
    List<TreeItem<MappingRow>> rowsNow(long processKoid, List<MapEntry> entries, int depth) {
        KernelInspector inspector = session.kernel().inspector();
        long vdso = inspector.vdsoKoid();
        return level(processKoid, entries, 0, entries.size(), depth, e -> row(processKoid, e, inspector::vmo, vdso));
    }

    /** The row the current kernel gives {@code e}. */
    MappingRow rowNow(long processKoid, MapEntry e) {
        KernelInspector inspector = session.kernel().inspector();
        return row(processKoid, e, inspector::vmo, inspector.vdsoKoid());
    }

    KernelInspector inspector() {
        return session.kernel().inspector();
    }

    /** True while the tree shows the past: the kernel's changes are not to be applied to it then. */
    boolean showingPast() {
        return moment != null;
    }

    /**
     * The rows for {@code entries[from, to)}, which hold the children at {@code depth} each followed by its subtree
     * (depth first, as ZX_INFO_PROCESS_MAPS gives them). Only the indices of the children are found up front.
     */
    private static List<TreeItem<MappingRow>> level(long koid, List<MapEntry> entries, int from, int to, int depth,
                                                    java.util.function.Function<MapEntry, MappingRow> rows) {
        int[] starts = new int[16];
        int n = 0;
        for (int i = from; i < to; i++) {
            if (entries.get(i).depth() == depth) {
                if (n == starts.length) {
                    starts = java.util.Arrays.copyOf(starts, n * 2);
                }
                starts[n++] = i;
            }
        }
        int[] at = starts;
        int count = n;
        return MappingGroups.of(koid, depth, new MappingGroups.Children() {
            @Override
            public int count() {
                return count;
            }

            @Override
            public long base(int index) {
                return entries.get(at[index]).base();
            }

            @Override
            public long end(int index) {
                return entries.get(at[index]).end();
            }

            @Override
            public List<TreeItem<MappingRow>> rows(int first, int last) {
                List<TreeItem<MappingRow>> out = new ArrayList<>(last - first);
                for (int c = first; c < last; c++) {
                    int stop = c + 1 < count ? at[c + 1] : to;
                    MapEntry e = entries.get(at[c]);
                    TreeItem<MappingRow> item = new TreeItem<>(rows.apply(e));
                    if (!e.isMapping()) {
                        item.getChildren().setAll(level(koid, entries, at[c] + 1, stop, depth + 1, rows));
                    }
                    out.add(item);
                }
                return out;
            }
        });
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
