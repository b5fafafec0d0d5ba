package memscope.app.files;

import java.util.List;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.StackPane;
import javafx.stage.Window;
import memscope.app.Messages;
import memscope.app.bookmarks.BookmarksPanel;
import memscope.app.document.Document;
import memscope.app.document.Documents;
import memscope.app.edit.CopyFormat;
import memscope.app.edit.Editor;
import memscope.app.find.FindBar;
import memscope.app.find.Finder;
import memscope.app.hex.HexTheme;
import memscope.app.hex.HexView;
import memscope.app.inspector.InspectorPanel;
import memscope.app.startup.AfterFirstFrame;
import memscope.app.status.StatusPane;
import memscope.model.Kernel;
import memscope.model.KernelListener;
import memscope.model.MemoryChange;
import memscope.model.Subscription;

/**
 * The editing tools of one main window: the find bar, the data inspector, bookmarks, fill, copy as (hex, C
 * array, Base64; Ctrl+C / Ctrl+V are the window's own Copy and Paste hex), and the dark theme. They point at the
 * current document and the hex view, not at the window: whoever installs them asks for their menu items
 * ({@link #editMenuItems}), bar ({@link #topBar}) and panels ({@link #sidePanels}) and puts them in place.
 *
 * <p>The find bar is hidden at start, so it is made after the first frame (issue 14: start-up), or at once when
 * something asks for it first (Ctrl+F, F3, {@link #findBar}); its place in the window is held until then.
 */
public final class EditorTools implements memscope.app.hooks.MenuContribution {
    private static final String DARK_CSS = EditorTools.class.getResource("dark.css").toExternalForm();

    private final Messages messages;
    private final Supplier<Window> owner;
    private final HexView hexView;
    /** Where the theme's stylesheet goes: the window's content. */
    private final Parent root;
    private final Supplier<FindBar> makeFindBar;
    private FindBar findBar;
    /** The find bar's place: hidden and taking no room until the bar is made, then showing as it does. */
    private final StackPane findSlot = new StackPane();
    private final InspectorPanel inspector;
    private final BookmarksPanel bookmarks;
    private final ByteCommands bytes;
    private Subscription memoryWatch;
    private boolean inspectorUpdateQueued;

    /** Tools over the current one of {@code documents}, shown in {@code hexView}; {@code root} takes the theme. */
    public EditorTools(Documents documents, HexView hexView, Editor editor, StatusPane status, Parent root,
                       Messages messages, Supplier<Window> owner) {
        this.messages = messages;
        this.owner = owner;
        this.hexView = hexView;
        this.root = root;
        this.makeFindBar = () -> new FindBar(messages, hexView,
                () -> documents.current().map(d -> new Finder(d.memory())));
        findSlot.setVisible(false);
        findSlot.setManaged(false);
        AfterFirstFrame.run(findSlot, this::findBar);
        this.inspector = new InspectorPanel(messages, hexView, () -> documents.current().map(Document::memory));
        this.bookmarks = new BookmarksPanel(messages, hexView);
        this.bytes = new ByteCommands(messages, documents, hexView, editor, status, owner);
    }

    /** The find bar, made now if it was not yet. */
    public FindBar findBar() {
        if (findBar == null) {
            findBar = makeFindBar.get();
            Node bar = findBar.node();
            findSlot.visibleProperty().bind(bar.visibleProperty());
            findSlot.managedProperty().bind(bar.managedProperty());
            findSlot.getChildren().setAll(bar);
        }
        return findBar;
    }

    /** Whether the find bar has been made (it waits for the first frame). */
    boolean findBarMade() {
        return findBar != null;
    }

    public InspectorPanel inspector() {
        return inspector;
    }

    public BookmarksPanel bookmarks() {
        return bookmarks;
    }

    public ByteCommands bytes() {
        return bytes;
    }

    /** The Edit menu's items: find, copy as, fill, add a bookmark. */
    /** Its items go to the Edit menu. */
    @Override
    public List<MenuItem> menuItems(memscope.app.hooks.MenuHooks.MenuSlot slot) {
        return slot == memscope.app.hooks.MenuHooks.MenuSlot.EDIT ? editMenuItems() : List.of();
    }

    public List<MenuItem> editMenuItems() {
        Menu copyAs = new Menu();
        copyAs.setId("copyAsMenu");
        copyAs.textProperty().bind(messages.text("bytes.menu.copyAs"));
        copyAs.getItems().addAll(
                item("copyHexMenu", "bytes.menu.copyHex", null, () -> bytes.copy(CopyFormat.HEX)),
                item("copyCArrayMenu", "bytes.menu.copyCArray", null, () -> bytes.copy(CopyFormat.C_ARRAY)),
                item("copyBase64Menu", "bytes.menu.copyBase64", null, () -> bytes.copy(CopyFormat.BASE64)));
        return List.of(new SeparatorMenuItem(),
                item("findMenu", "find.menu.find", "Shortcut+F", () -> findBar().show()),
                item("findNextMenu", "find.menu.next", "F3", () -> findBar().findNext()),
                item("findPreviousMenu", "find.menu.previous", "Shift+F3", () -> findBar().findPrevious()),
                new SeparatorMenuItem(),
                copyAs,
                item("fillMenu", "bytes.menu.fill", null, bytes::askToFill),
                new SeparatorMenuItem(),
                item("addBookmarkMenu", "bookmarks.menu.add", "Shortcut+B", () -> bookmarks.askToAdd(owner.get())));
    }

    /** The bar that goes under the toolbar: the find bar. */
    public Node topBar() {
        return findSlot;
    }

    /** The panels that go in the side column: the inspector, then the bookmarks. */
    public List<Node> sidePanels() {
        return List.of(inspector.node(), bookmarks.node());
    }

    /** Re-reads the inspector whenever {@code kernel}'s memory changes (until {@link #dispose}). */
    public void watch(Kernel kernel) {
        memoryWatch = kernel.subscribe(new KernelListener() {
            @Override
            public void memoryChanged(MemoryChange change) {
                queueInspectorUpdate();
            }
        });
    }

    /** Applies the dark stylesheet and hex theme while {@code dark} is true. */
    public void followTheme(BooleanProperty dark) {
        applyTheme(dark.get());
        dark.addListener((o, was, is) -> applyTheme(is));
    }

    public boolean isDark() {
        return root.getStylesheets().contains(DARK_CSS);
    }

    /** Stops listening to the kernel (the window is going away). */
    public void dispose() {
        if (memoryWatch != null) {
            memoryWatch.close();
        }
    }

    private void applyTheme(boolean dark) {
        root.getStylesheets().remove(DARK_CSS);
        if (dark) {
            root.getStylesheets().add(DARK_CSS);
        }
        hexView.setTheme(dark ? HexTheme.DARK : HexTheme.LIGHT);
    }

    /** Many writes in a row (a script) cost one re-read of the inspector. */
    private void queueInspectorUpdate() {
        synchronized (this) {
            if (inspectorUpdateQueued) {
                return;
            }
            inspectorUpdateQueued = true;
        }
        Platform.runLater(() -> {
            synchronized (this) {
                inspectorUpdateQueued = false;
            }
            inspector.update();
        });
    }

    private MenuItem item(String id, String key, String accelerator, Runnable action) {
        MenuItem i = new MenuItem();
        i.setId(id);
        i.textProperty().bind(messages.text(key));
        if (accelerator != null) {
            i.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        i.setOnAction(e -> action.run());
        return i;
    }
}
