package memscope.app.files;

import java.util.List;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import javafx.stage.Window;
import memscope.app.hooks.WindowHooks;
import memscope.app.Messages;
import memscope.app.bookmarks.BookmarksPanel;
import memscope.app.document.Document;
import memscope.app.document.Documents;
import memscope.app.edit.CopyFormat;
import memscope.app.find.Finder;
import memscope.app.find.FindBar;
import memscope.app.hex.HexTheme;
import memscope.app.inspector.InspectorPanel;
import memscope.app.kernel.KernelSession;
import memscope.model.KernelListener;
import memscope.model.MemoryChange;
import memscope.model.Subscription;

/**
 * The editing tools of one main window: the find bar, the data inspector, bookmarks, fill, copy as (hex, C
 * array, Base64; Ctrl+C / Ctrl+V are the window's own Copy and Paste hex), and the dark theme. Puts its menu
 * items and panels into the window through the window's hooks.
 */
public final class EditorTools {
    private static final String DARK_CSS = EditorTools.class.getResource("dark.css").toExternalForm();

    private final WindowHooks window;
    private final Messages messages;
    private final Supplier<Window> owner;
    private final KernelSession session;
    private final FindBar findBar;
    private final InspectorPanel inspector;
    private final BookmarksPanel bookmarks;
    private final ByteCommands bytes;
    private Subscription memoryWatch;
    private boolean inspectorUpdateQueued;

    public EditorTools(WindowHooks window, Messages messages, Supplier<Window> owner) {
        this.window = window;
        this.messages = messages;
        this.owner = owner;
        this.session = window.session();
        Documents documents = window.documents();
        this.findBar = new FindBar(messages, window.hexView(), () -> documents.current().map(d -> new Finder(d.memory())));
        this.inspector = new InspectorPanel(messages, window.hexView(), () -> documents.current().map(Document::memory));
        this.bookmarks = new BookmarksPanel(messages, window.hexView());
        this.bytes = new ByteCommands(messages, documents, window.hexView(), window.editor(), window.statusPane(),
                owner);
    }

    public FindBar findBar() {
        return findBar;
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

    /** Adds the menu items and panels to the window, and re-reads the inspector when memory changes. */
    public void install() {
        Menu copyAs = new Menu();
        copyAs.setId("copyAsMenu");
        copyAs.textProperty().bind(messages.text("bytes.menu.copyAs"));
        copyAs.getItems().addAll(
                item("copyHexMenu", "bytes.menu.copyHex", null, () -> bytes.copy(CopyFormat.HEX)),
                item("copyCArrayMenu", "bytes.menu.copyCArray", null, () -> bytes.copy(CopyFormat.C_ARRAY)),
                item("copyBase64Menu", "bytes.menu.copyBase64", null, () -> bytes.copy(CopyFormat.BASE64)));
        window.addMenuItems(WindowHooks.MenuSlot.EDIT, List.of(new SeparatorMenuItem(),
                item("findMenu", "find.menu.find", "Shortcut+F", findBar::show),
                item("findNextMenu", "find.menu.next", "F3", findBar::findNext),
                item("findPreviousMenu", "find.menu.previous", "Shift+F3", findBar::findPrevious),
                new SeparatorMenuItem(),
                copyAs,
                item("fillMenu", "bytes.menu.fill", null, bytes::askToFill),
                new SeparatorMenuItem(),
                item("addBookmarkMenu", "bookmarks.menu.add", "Shortcut+B", () -> bookmarks.askToAdd(owner.get()))));
        window.placeTop(findBar.node());
        window.placeSide(inspector.node());
        window.placeSide(bookmarks.node());
        memoryWatch = session.kernel().subscribe(new KernelListener() {
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
        return window.root().getStylesheets().contains(DARK_CSS);
    }

    /** Stops listening to the kernel (the window is going away). */
    public void dispose() {
        if (memoryWatch != null) {
            memoryWatch.close();
        }
    }

    private void applyTheme(boolean dark) {
        window.root().getStylesheets().remove(DARK_CSS);
        if (dark) {
            window.root().getStylesheets().add(DARK_CSS);
        }
        window.hexView().setTheme(dark ? HexTheme.DARK : HexTheme.LIGHT);
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
