package memscope.app.tabs;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ContextMenu;
import javafx.scene.input.KeyCombination;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import memscope.app.Messages;
import memscope.app.document.Document;
import memscope.app.document.Documents;
import memscope.app.text.HexFormat;

/**
 * One tab per open document, above the hex view: the current document's tab is selected, choosing a tab shows
 * its document, and a document with unsaved changes has a {@code *} before its name. Closing a tab goes to
 * {@link Closer}, which asks about unsaved changes first; the last tab cannot be closed unless it is a file's.
 * A file's tab also shows the file's process underneath, by the process's addresses ({@link ProcessView}).
 */
public final class DocumentTabs {
    /** Closes a document once nothing unsaved would be lost (it may ask, and may decide not to). */
    @FunctionalInterface
    public interface Closer {
        void close(Document doc);
    }

    /** Shows a document by its own addresses or as the memory of its process underneath (an open file's). */
    @FunctionalInterface
    public interface ProcessView {
        void show(Document doc, boolean asProcess);
    }

    private final Documents documents;
    private final Messages messages;
    private final Consumer<Document> show;
    private final Closer closer;
    private final ProcessView processView;
    private final TabPane pane = new TabPane();
    private final Map<Document, Tab> tabs = new HashMap<>();
    private boolean syncing;

    public DocumentTabs(Documents documents, Messages messages, Consumer<Document> show, Closer closer,
                        ProcessView processView) {
        this.documents = documents;
        this.messages = messages;
        this.show = show;
        this.closer = closer;
        this.processView = processView;
        pane.setId("documentTabs");
        pane.getStyleClass().add("document-tabs");
        pane.setTabClosingPolicy(TabPane.TabClosingPolicy.ALL_TABS);
        // the strip never asks for more width than the hex view needs: many tabs scroll, the view keeps its columns
        pane.setMinWidth(0);
        pane.setPrefWidth(0);
        pane.setMinHeight(Region.USE_PREF_SIZE);
        pane.setMaxHeight(Region.USE_PREF_SIZE);
        documents.open().addListener((ListChangeListener<Document>) c -> sync());
        documents.currentProperty().addListener((o, was, now) -> select(now));
        pane.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (!syncing && now != null && now.getUserData() instanceof Document doc
                    && documents.current().orElse(null) != doc) {
                show.accept(doc);
            }
        });
        sync();
    }

    public Region node() {
        return pane;
    }

    /**
     * View › Show as process memory: checked while the current file shows its process underneath, disabled for a
     * document that has none (a process is its own memory already).
     */
    public CheckMenuItem processViewMenuItem() {
        CheckMenuItem item = new CheckMenuItem();
        item.setId("processViewMenu");
        item.textProperty().bind(messages.text("tabs.menu.processView"));
        item.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+U"));
        Runnable follow = () -> {
            Document doc = documents.current().orElse(null);
            item.setDisable(doc == null || !doc.hasProcessView());
            item.setSelected(doc != null && doc.showsProcessView());
        };
        ChangeListener<Boolean> shown = (o, was, now) -> follow.run();
        documents.currentProperty().addListener((o, was, now) -> {
            if (was != null) {
                was.processViewProperty().removeListener(shown);
            }
            if (now != null) {
                now.processViewProperty().addListener(shown);
            }
            follow.run();
        });
        documents.current().ifPresent(doc -> doc.processViewProperty().addListener(shown));
        follow.run();
        item.setOnAction(e -> documents.current().ifPresent(doc -> processView.show(doc,
                !doc.showsProcessView())));
        return item;
    }

    /** The tab of {@code doc}, if it is open (tests). */
    public Tab tabOf(Document doc) {
        return tabs.get(doc);
    }

    private void sync() {
        syncing = true;
        try {
            tabs.keySet().removeIf(doc -> {
                if (documents.open().contains(doc)) {
                    return false;
                }
                pane.getTabs().remove(tabs.get(doc));
                return true;
            });
            for (Document doc : documents.open()) {
                tabs.computeIfAbsent(doc, this::tab);
            }
            boolean several = documents.open().size() > 1;
            for (Tab t : pane.getTabs()) {
                // a file closes even alone: the default scenario takes its place
                t.setClosable(several || t.getUserData() instanceof Document d && d.kind() == Document.Kind.FILE);
            }
        } finally {
            syncing = false;
        }
        select(documents.current().orElse(null));
    }

    private Tab tab(Document doc) {
        Tab t = new Tab();
        t.setUserData(doc);
        t.setId("documentTab-" + pane.getTabs().size());
        t.textProperty().bind(Bindings.createStringBinding(() -> {
            String title = messages.get(doc.isDirty() ? "tabs.title.unsaved" : "tabs.title", doc.name());
            // the same tab shows the file's process underneath: say so, the addresses are the process's then
            return doc.showsProcessView() ? messages.get("tabs.title.processView", title) : title;
        }, doc.dirtyProperty(), doc.processViewProperty(), messages.localeProperty()));
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(Bindings.createStringBinding(() -> messages.get(
                doc.kind() != Document.Kind.FILE ? "tabs.tooltip.process"
                        : doc.showsProcessView() ? "tabs.tooltip.fileAsProcess" : "tabs.tooltip.file", doc.name(),
                HexFormat.address(doc.range().start()), HexFormat.address(doc.range().end())),
                doc.processViewProperty(), messages.localeProperty()));
        t.setTooltip(tip);
        if (doc.hasProcessView()) {
            CheckMenuItem asProcess = new CheckMenuItem();
            asProcess.textProperty().bind(messages.text("tabs.menu.processView"));
            // followed, not bound: a click sets the item's own state before its action runs
            doc.processViewProperty().addListener((o, was, now) -> asProcess.setSelected(now));
            asProcess.setOnAction(e -> {
                if (documents.current().orElse(null) != doc) {
                    show.accept(doc); // the switch applies to the document shown
                }
                processView.show(doc, !doc.showsProcessView());
            });
            t.setContextMenu(new ContextMenu(asProcess));
        }
        t.setOnCloseRequest(e -> {
            e.consume(); // the closer decides, after asking about unsaved changes
            closer.close(doc);
        });
        pane.getTabs().add(t);
        return t;
    }

    private void select(Document doc) {
        Tab t = doc == null ? null : tabs.get(doc);
        if (t != null && pane.getSelectionModel().getSelectedItem() != t) {
            syncing = true;
            try {
                pane.getSelectionModel().select(t);
            } finally {
                syncing = false;
            }
        }
    }
}
