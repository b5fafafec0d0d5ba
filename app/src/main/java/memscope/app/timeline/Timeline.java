package memscope.app.timeline;

import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import memscope.app.hooks.WindowHooks;
import memscope.app.Messages;
import memscope.app.document.Document;
import memscope.app.hex.ByteSource;
import memscope.app.hex.EditHandler;
import memscope.app.hex.HexView;
import memscope.model.History;
import memscope.model.Kernel;
import memscope.model.MapEntry;
import memscope.model.Moment;
import memscope.model.history.Caller;
import memscope.model.history.Step;
import memscope.model.history.Writer;

/**
 * Time travel in one window: the kernel's history is recorded from when the window opens; the timeline bar under
 * the syscall log moves the hex view to any recorded call, read-only (the editor is unplugged until Esc returns to
 * now); Alt+Left / Alt+Right step to the previous / next change; Ctrl+Shift+H lists who wrote the byte under the
 * caret, and choosing a call jumps there.
 */
public final class Timeline {
    private final WindowHooks window;
    private final Messages messages;
    private final Kernel kernel;
    private final History history;
    private final HexView hex;
    /** The call shown, or 0 at now. */
    private final LongProperty viewing = new SimpleLongProperty(0);
    private final TimelineBar bar;
    private final DiffMarks diff;
    private final SavePoints saves;
    private ByteSource live;
    private EditHandler liveEditor;
    /** The Diff window, while open: one per window, following its current document. */
    private DiffDialog diffDialog;
    /** Who wrote this?, while open: it jumps in this window, so it goes with it. */
    private javafx.scene.control.Dialog<?> whoWroteDialog;
    /** The two moments the hex view's diff marks compare, or null while none are shown. */
    private long[] marked;
    /** The window went away (another scenario, session or lesson world replaced it). */
    private boolean disposed;

    private Timeline(WindowHooks window, Messages messages) {
        this.window = window;
        this.messages = messages;
        this.kernel = window.session().kernel();
        this.history = kernel.history();
        this.hex = window.hexView();
        history.start();
        // calls the FX thread makes outside a console, lesson or script scope are the editor's
        history.as(Caller.EDITOR);
        this.diff = new DiffMarks(hex);
        this.saves = new SavePoints(window.documents(), history);
        this.bar = new TimelineBar(this, messages);
    }

    /** Starts recording in {@code window}'s kernel and puts the timeline under its syscall log. */
    public static Timeline attach(WindowHooks window, Messages messages) {
        Timeline t = new Timeline(window, messages);
        // asked of the window, not looked up in its scene graph: a hidden bottom panel is outside that graph
        window.placeUnderLog(t.bar.node());
        window.root().getProperties().put(Timeline.class, t); // for tools docked before it (lessons): of(window)
        window.addMenuItems(WindowHooks.MenuSlot.VIEW, t.bar.menuItems());
        window.root().addEventFilter(KeyEvent.KEY_PRESSED, t::keys);
        t.contextMenu();
        window.documents().currentProperty().addListener((o, was, now) -> t.documentChanged(now));
        window.session().sessionSavedProperty().addListener((o, was, now) -> t.followDocumentLater());
        // the application replaces the window's root when it shows another scenario, session or lesson world
        window.root().sceneProperty().addListener((o, was, now) -> {
            if (was != null && now == null) {
                t.dispose();
            }
        });
        return t;
    }

    /** The timeline attached to {@code window}, if any. */
    public static Optional<Timeline> of(WindowHooks window) {
        return window.root().getProperties().get(Timeline.class) instanceof Timeline t ? Optional.of(t)
                : Optional.empty();
    }

    History history() {
        return history;
    }

    Kernel kernel() {
        return kernel;
    }

    public LongProperty viewingProperty() {
        return viewing;
    }

    /** True while the hex view shows the past. */
    public boolean inThePast() {
        return live != null;
    }

    /** Shows the kernel just after call {@code sequence}; at or past the latest call, shows now. */
    public void jumpTo(long sequence) {
        if (disposed) {
            return; // its window is gone: nothing of it may be shown
        }
        long now = history.now();
        if (sequence >= now) {
            returnToNow();
            return;
        }
        Optional<Moment> moment = history.at(Math.max(sequence, history.horizon()));
        if (moment.isEmpty()) {
            return;
        }
        if (live == null) {
            live = hex.getSource();
            liveEditor = hex.editHandlerProperty().get();
            hex.editHandlerProperty().set(null); // editing is possible only at now
        }
        hex.setSource(new PastByteSource(moment.get(), process(), live.start(), live.end(),
                kernel.inspector().vdsoKoid(), shift(), document()));
        viewing.set(moment.get().sequence());
        window.session().pastShownProperty().set(true); // menus and buttons too: the editor writes nothing now
        window.tree().showMoment(moment.get());
        hex.refresh();
        bar.update();
    }

    /** Back to the live kernel, editable again. */
    public void returnToNow() {
        if (live != null) {
            hex.setSource(live);
            hex.editHandlerProperty().set(liveEditor);
            live = null;
            liveEditor = null;
            hex.refresh();
            window.tree().showMoment(null);
        }
        window.session().pastShownProperty().set(false);
        viewing.set(0);
        bar.update();
    }

    /** The call shown: the one viewed, or the latest. */
    long shown() {
        return inThePast() ? viewing.get() : history.now();
    }

    /** Jumps to the previous (-1) or next (+1) call that changed memory or structure. */
    public void step(int direction) {
        long at = shown();
        List<Step> steps = direction < 0 ? history.steps(history.horizon(), at - 1) : history.steps(at + 1,
                Long.MAX_VALUE);
        Step target = null;
        for (Step s : steps) {
            if (s.wroteBytes() || s.changedStructure()) {
                target = s;
                if (direction > 0) {
                    break;
                }
            }
        }
        if (target != null) {
            jumpTo(target.sequence());
        } else if (direction < 0) {
            jumpTo(history.horizon());
        }
    }

    /** The calls that changed the byte under the caret, as the moment shown sees its mapping. */
    public List<Writer> writersAtCaret() {
        long address = hex.caretProperty().get() + shift();
        Optional<Moment> m = history.at(shown());
        if (m.isEmpty()) {
            return List.of();
        }
        for (MapEntry e : m.get().maps(process())) {
            if (e.isMapping() && e.contains(address)) {
                return history.writersOf(e.vmoKoid(), e.vmoOffset() + (address - e.base()));
            }
        }
        return List.of();
    }

    /** The process the hex view shows. */
    long process() {
        return window.session().viewedProcessProperty().get();
    }

    /** Kernel address minus shown address: an open file shows its bytes from offset 0. */
    long shift() {
        return window.documents().current().map(d -> d.toKernel(0)).orElse(0L);
    }

    /**
     * The call after which the shown document last matched what was saved: a file its disk, a process the session
     * file; empty when there is none.
     */
    java.util.OptionalLong lastSave() {
        return saves.lastSave(window.documents().current().orElse(null));
    }

    /**
     * Diff: marks the bytes of the viewed process that differ between moments {@code from} and {@code to} and
     * returns where they lie; empty (nothing marked) when either moment is not in the history.
     */
    Optional<List<DiffRows.Place>> diff(long from, long to) {
        Optional<memscope.model.history.Diff> d = history.diff(from, to);
        Optional<Moment> later = history.at(Math.max(from, to));
        if (d.isEmpty() || later.isEmpty()) {
            clearDiff();
            return Optional.empty();
        }
        List<DiffRows.Place> places = DiffRows.places(d.get(), later.get(), process(), shift());
        diff.show(places);
        marked = new long[] {from, to};
        return Optional.of(places);
    }

    /**
     * Diff since the start: marks the bytes of the viewed process that differ between when recording started
     * (the scenario loaded, the window opened) and the moment shown, and says how many ranges and calls that is.
     */
    public void diffSinceStart() {
        long from = history.horizon();
        long to = shown();
        diff(from, to).ifPresent(places -> window.statusPane().info(() -> messages.get("timeline.diff.status",
                places.size(), places.stream().flatMap(p -> p.sequences().stream()).distinct().count(), from,
                to)));
    }

    /** Diff between moments: the dialog that picks them and lists the changes with their calls (one at a time). */
    public void showDiff() {
        if (disposed) {
            return;
        }
        if (diffDialog != null && diffDialog.isShowing()) {
            diffDialog.toFront();
            return;
        }
        diffDialog = DiffDialog.show(this, messages, window.root());
    }

    /** The Diff window closed. */
    void diffClosed(DiffDialog dialog) {
        if (diffDialog == dialog) {
            diffDialog = null;
        }
    }

    /** The document the hex view shows now, or null. */
    Document document() {
        return window.documents().current().orElse(null);
    }

    /**
     * Another document became current (a tab, a tree row, a tab closed): Esc returns to it, not to the one left;
     * once the window has given it the hex view, the past, the diff marks and the Diff window follow it.
     */
    private void documentChanged(Document now) {
        if (disposed) {
            return;
        }
        if (inThePast() && now != null) {
            live = now.memory();
        }
        followDocumentLater();
    }

    /** The window gives the hex view the new document (and its process) after telling its listeners. */
    private void followDocumentLater() {
        Platform.runLater(this::followDocument);
    }

    private void followDocument() {
        if (disposed) {
            return;
        }
        if (inThePast() && !(hex.getSource() instanceof PastByteSource p && p.document() == document())) {
            jumpTo(viewing.get()); // the same moment, in the document shown now
            if (!(hex.getSource() instanceof PastByteSource)) {
                returnToNow(); // that moment is gone (past the horizon): never leave live bytes under the banner
            }
        }
        if (diffDialog != null && diffDialog.isShowing()) {
            diffDialog.follow();
        } else if (marked != null) {
            diff(marked[0], marked[1]);
        }
    }

    /** The window went away: its dialogs close, and nothing is read from or shown in it any more. */
    private void dispose() {
        disposed = true;
        bar.dispose();
        if (diffDialog != null) {
            diffDialog.close();
        }
        if (whoWroteDialog != null) {
            whoWroteDialog.close();
        }
    }

    /** Shows the moment just after {@code entry}'s call, the caret on its bytes. */
    void jumpTo(DiffEntry entry) {
        long caret = hex.caretProperty().get();
        jumpTo(entry.sequence());
        // a structure line has no bytes: the caret stays where the person had it (the past view starts at the top)
        hex.goTo(entry.structural() ? caret : entry.start());
    }

    /** Removes the diff's marks. */
    public void clearDiff() {
        diff.clear();
        marked = null;
    }

    /** Ctrl+Shift+H: who wrote this? */
    public void whoWrote() {
        if (!disposed) {
            whoWroteDialog = WhoWroteDialog.show(this, messages, hex.caretProperty().get(), writersAtCaret(),
                    window.root());
        }
    }

    /** Right-click on a byte: Who wrote this? */
    private void contextMenu() {
        javafx.scene.control.MenuItem who = new javafx.scene.control.MenuItem();
        who.setId("timelineWhoWroteContext");
        who.textProperty().bind(messages.text("timeline.menu.whoWrote"));
        who.setOnAction(e -> whoWrote());
        javafx.scene.control.ContextMenu menu = new javafx.scene.control.ContextMenu(who);
        hex.setOnContextMenuRequested(e -> {
            menu.show(hex, e.getScreenX(), e.getScreenY());
            e.consume();
        });
    }

    private void keys(KeyEvent e) {
        if (inThePast() && e.isShortcutDown() && (e.getCode() == KeyCode.V || e.getCode() == KeyCode.Z
                || e.getCode() == KeyCode.Y)) {
            // paste, undo and redo write: only at now
            e.consume();
            return;
        }
        if (e.isAltDown() && !e.isControlDown() && (e.getCode() == KeyCode.LEFT || e.getCode() == KeyCode.RIGHT)) {
            step(e.getCode() == KeyCode.LEFT ? -1 : 1);
            e.consume();
        } else if (e.getCode() == KeyCode.ESCAPE && inThePast()) {
            returnToNow();
            e.consume();
        } else if (e.getCode() == KeyCode.H && e.isShortcutDown() && e.isShiftDown()) {
            whoWrote();
            e.consume();
        }
    }
}
