package memscope.app.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EditHistoryTest {
    private final EditHistory history = new EditHistory(3);
    private final List<Edit> applied = new ArrayList<>();

    private static Edit edit(long address, int before, int after) {
        return new Edit(address, new byte[] {(byte) before}, new byte[] {(byte) after});
    }

    private boolean succeed(Edit e) {
        applied.add(e);
        return true;
    }

    @Test
    void undoAndRedoWalkTheStacksInOrder() {
        history.record(edit(0x10, 1, 2));
        history.record(edit(0x20, 3, 4));
        assertEquals(Optional.of(edit(0x20, 3, 4)), history.undo(this::succeed));
        assertEquals(Optional.of(edit(0x10, 1, 2)), history.undo(this::succeed));
        assertEquals(Optional.empty(), history.undo(this::succeed));
        assertEquals(Optional.of(edit(0x10, 1, 2)), history.redo(this::succeed));
        assertEquals(List.of(edit(0x20, 3, 4), edit(0x10, 1, 2), edit(0x10, 1, 2)), applied);
        assertEquals(1, history.undoSize());
        assertEquals(1, history.redoSize());
    }

    @Test
    void aRefusedUndoStaysOnTheUndoStack() {
        history.record(edit(0x10, 1, 2));
        assertEquals(Optional.of(edit(0x10, 1, 2)), history.undo(e -> false));
        assertEquals(1, history.undoSize());
        assertEquals(0, history.redoSize());
        assertTrue(history.canUndoProperty().get());
        assertFalse(history.canRedoProperty().get());
        history.undo(this::succeed);
        assertEquals(0, history.undoSize());
        assertEquals(1, history.redoSize());
    }

    @Test
    void aRefusedRedoStaysOnTheRedoStack() {
        history.record(edit(0x10, 1, 2));
        history.undo(this::succeed);
        history.redo(e -> false);
        assertEquals(1, history.redoSize());
        assertEquals(0, history.undoSize());
    }

    @Test
    void aNewEditForgetsWhatWasUndone() {
        history.record(edit(0x10, 1, 2));
        history.undo(this::succeed);
        history.record(edit(0x30, 5, 6));
        assertEquals(0, history.redoSize());
        assertFalse(history.canRedoProperty().get());
    }

    @Test
    void theSecondDigitOfAByteMergesIntoTheFirst() {
        history.record(edit(0x10, 0x00, 0xa0));
        history.record(edit(0x10, 0xa0, 0xab));
        assertEquals(1, history.undoSize());
        assertEquals(Optional.of(edit(0x10, 0x00, 0xab)), history.undo(this::succeed));
    }

    @Test
    void theOldestEditsFallOffBeyondTheCapacity() {
        for (int i = 0; i < 5; i++) {
            history.record(edit(i, i, i + 1));
        }
        assertEquals(3, history.undoSize());
        history.undo(this::succeed);
        history.undo(this::succeed);
        history.undo(this::succeed);
        assertEquals(List.of(edit(4, 4, 5), edit(3, 3, 4), edit(2, 2, 3)), applied);
    }
}
