package memscope.app.tabs;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
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
 * {@link Closer}, which asks about unsaved changes first; the last tab cannot be closed.
 */
public final class DocumentTabs {
    /** Closes a document once nothing unsaved would be lost (it may ask, and may decide not to). */
    @FunctionalInterface
    public interface Closer {
        void close(Document doc);
    }

    private final Documents documents;
    private final Messages messages;
    private final Consumer<Document> show;
    private final Closer closer;
    private final TabPane pane = new TabPane();
    private final Map<Document, Tab> tabs = new HashMap<>();
    private boolean syncing;

    public DocumentTabs(Documents documents, Messages messages, Consumer<Document> show, Closer closer) {
        this.documents = documents;
        this.messages = messages;
        this.show = show;
        this.closer = closer;
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
                t.setClosable(several);
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
        t.textProperty().bind(Bindings.createStringBinding(() -> messages.get(
                doc.isDirty() ? "tabs.title.unsaved" : "tabs.title", doc.name()),
                doc.dirtyProperty(), messages.localeProperty()));
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(Bindings.createStringBinding(() -> messages.get(
                doc.kind() == Document.Kind.FILE ? "tabs.tooltip.file" : "tabs.tooltip.process", doc.name(),
                HexFormat.address(doc.range().start()), HexFormat.address(doc.range().end())),
                messages.localeProperty()));
        t.setTooltip(tip);
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
