package memscope.app.edit;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.function.Predicate;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * The undo and redo stacks. Undoing or redoing is itself a write that can be refused, so an entry only moves to
 * the other stack when the caller reports that its bytes went back in full; a refused undo stays where it was.
 */
public final class EditHistory {
    private final int capacity;
    private final Deque<Edit> undo = new ArrayDeque<>();
    private final Deque<Edit> redo = new ArrayDeque<>();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper();

    public EditHistory(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        this.capacity = capacity;
    }

    /**
     * A new edit: it becomes the next to undo, and whatever was undone can no longer be redone. An edit of exactly
     * the bytes the latest edit changed (the second hex digit of a byte) merges into it, so one undo restores the
     * byte as it was before typing began.
     */
    public void record(Edit edit) {
        Edit top = undo.peek();
        if (redo.isEmpty() && top != null && top.address() == edit.address() && top.length() == edit.length()) {
            undo.pop();
            edit = new Edit(edit.address(), top.before(), edit.after());
        }
        undo.push(edit);
        if (undo.size() > capacity) {
            undo.removeLast();
        }
        redo.clear();
        update();
    }

    /**
     * Undoes the latest edit by asking {@code writeBack} to write its old bytes. Returns the edit tried, if any;
     * it moves to the redo stack only when {@code writeBack} returned true.
     */
    public Optional<Edit> undo(Predicate<Edit> writeBack) {
        return move(undo, redo, writeBack);
    }

    /** Redoes the latest undone edit by asking {@code writeAgain} to write its new bytes; same rules as undo. */
    public Optional<Edit> redo(Predicate<Edit> writeAgain) {
        return move(redo, undo, writeAgain);
    }

    /**
     * The document now counts its addresses {@code delta} lower (a file shown by its offsets again, or by its
     * process's addresses): every edit keeps its bytes and moves with them.
     */
    public void shift(long delta) {
        shift(undo, delta);
        shift(redo, delta);
    }

    private static void shift(Deque<Edit> edits, long delta) {
        java.util.List<Edit> moved = edits.stream().map(e -> new Edit(e.address() - delta, e.before(), e.after()))
                .toList();
        edits.clear();
        edits.addAll(moved);
    }

    public int undoSize() {
        return undo.size();
    }

    public int redoSize() {
        return redo.size();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    private Optional<Edit> move(Deque<Edit> from, Deque<Edit> to, Predicate<Edit> apply) {
        Edit top = from.peek();
        if (top == null) {
            return Optional.empty();
        }
        if (apply.test(top)) {
            from.pop();
            to.push(top);
            update();
        }
        return Optional.of(top);
    }

    private void update() {
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
    }
}
