package memscope.app.tree;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.collections.ListChangeListener;
import javafx.scene.control.TreeItem;
import memscope.app.Messages;
import memscope.app.document.Document;
import memscope.app.document.Documents;
import memscope.model.StructureChange;

/**
 * The mapping tree ({@code #mappingTree}). A structure change that names its region is applied in place
 * ({@link TreeSync}); any other rebuilds from scratch, then the expansion and the selection are put back by
 * {@link MappingRow#key()}, so a live update does not lose the user's place. The rows are painted by
 * {@link CanvasTree}, which keeps the row at the top of the view where it was when rows above it come or go.
 */
public final class MappingTreeView {
    private final CanvasTree table;
    private final Messages messages;
    private final MappingTreeBuilder builder;
    private final TreeSync sync;
    private boolean rebuilding;
    /** Shows a document chosen by its node (the window's, as a tab does); null until the documents are shown. */
    private Consumer<Document> showDocument;

    public MappingTreeView(Messages messages, MappingTreeBuilder builder) {
        this.messages = messages;
        this.builder = builder;
        this.sync = new TreeSync(builder);
        // columns keep their widths and the tree scrolls sideways: a narrow tree (1024 px windows) stays readable
        table = new CanvasTree(new MappingColumns(messages).columns());
        table.setId("mappingTree");
        // a group's row says what it holds now, a file's node whether it has unsaved changes
        table.follow(item -> item instanceof GroupItem g ? g.labelProperty()
                : item instanceof DocumentItem d ? d.document().dirtyProperty() : null);
        messages.localeProperty().addListener((o, a, b) -> table.refresh());
        rebuild();
    }

    public CanvasTree node() {
        return table;
    }

    /**
     * Lists the open {@code documents} first, one top-level node each, kept as they open and close; choosing a
     * document's node calls {@code show} with it (as choosing its tab does).
     */
    public void showDocuments(Documents documents, Consumer<Document> show) {
        this.showDocument = show;
        builder.showing(documents.open());
        documents.open().addListener((ListChangeListener<Document>) c -> rebuild());
        rebuild();
    }

    /**
     * Calls {@code action} when the user selects a row (not when a rebuild restores the selection); a document's
     * node shows its document instead.
     */
    public void onSelect(Consumer<MappingRow> action) {
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (!rebuilding && now instanceof DocumentItem d && showDocument != null) {
                showDocument.accept(d.document());
            } else if (!rebuilding && now != null) {
                action.accept(now instanceof GroupItem g ? g.label() : now.getValue());
            }
        });
    }

    /** True for a top-level node that stands for an open document (choosing it shows the document). */
    public static boolean standsForDocument(TreeItem<MappingRow> item) {
        return item instanceof DocumentItem;
    }

    /** Shows the kernel as it was at {@code moment} (the timeline's), or as it is now for null. */
    public void showMoment(memscope.model.Moment moment) {
        builder.showing(moment);
        rebuild();
    }

    /** Shows what {@code changes} changed: in place when they say where, else by {@link #rebuild()}. */
    public void apply(List<StructureChange> changes) {
        TreeItem<MappingRow> root = table.getRoot();
        if (root == null) {
            rebuild();
            return;
        }
        // rows added or removed above the view keep the one at the top where it was: CanvasTree sees to that
        boolean applied;
        rebuilding = true;
        try {
            applied = sync.apply(root, changes);
        } finally {
            rebuilding = false;
        }
        if (!applied) {
            rebuild();
            return;
        }
        table.refresh(); // a relabelled group or a changed value shows at the next layout
    }

    /** Rebuilds from the kernel, keeping what was expanded and selected where those rows still exist. */
    public void rebuild() {
        Set<String> expanded = new HashSet<>();
        if (table.getRoot() != null) {
            collectExpanded(table.getRoot(), expanded);
        }
        TreeItem<MappingRow> selected = table.getSelectionModel().getSelectedItem();
        String selectedKey = selected == null ? null : selected.getValue().key();
        boolean first = table.getRoot() == null;
        TreeItem<MappingRow> root = builder.build();
        root.setExpanded(true);
        restore(root, expanded, first);
        rebuilding = true;
        try {
            table.setRoot(root);
            if (selectedKey != null) {
                find(root, selectedKey).ifPresent(item -> table.getSelectionModel().select(item));
            }
        } finally {
            rebuilding = false;
        }
    }

    private static void collectExpanded(TreeItem<MappingRow> item, Set<String> out) {
        for (TreeItem<MappingRow> child : item.getChildren()) {
            if (child.isExpanded()) {
                out.add(child.getValue().key());
            }
            if (made(child)) {
                collectExpanded(child, out);
            }
        }
    }

    /** The first build opens processes and VMARs so mappings show; later builds follow the user's choices. */
    private static void restore(TreeItem<MappingRow> item, Set<String> expanded, boolean first) {
        for (TreeItem<MappingRow> child : item.getChildren()) {
            MappingRow.Kind kind = child.getValue().kind();
            // groups start closed: opening 100,000 rows at once is what grouping avoids
            boolean open = first ? !child.getValue().dead() && kind != MappingRow.Kind.MAPPING
                    && kind != MappingRow.Kind.GROUP : expanded.contains(child.getValue().key());
            child.setExpanded(open);
            if (open || made(child)) {
                restore(child, expanded, first);
            }
        }
    }

    private static Optional<TreeItem<MappingRow>> find(TreeItem<MappingRow> root, String key) {
        return findFirst(root, r -> r.key().equals(key));
    }

    private static Optional<TreeItem<MappingRow>> findFirst(TreeItem<MappingRow> item,
                                                                       Function<MappingRow, Boolean> which) {
        for (TreeItem<MappingRow> child : item.getChildren()) {
            if (which.apply(child.getValue())) {
                return Optional.of(child);
            }
            if (!made(child)) {
                continue;
            }
            Optional<TreeItem<MappingRow>> deeper = findFirst(child, which);
            if (deeper.isPresent()) {
                return deeper;
            }
        }
        return Optional.empty();
    }

    /** False for a group whose rows were never asked for: walks skip it rather than make 500 rows. */
    private static boolean made(TreeItem<MappingRow> item) {
        return !(item instanceof GroupItem g) || g.made();
    }
}
