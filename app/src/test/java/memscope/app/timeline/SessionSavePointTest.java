package memscope.app.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import memscope.app.files.Reads;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Since the last save" for sessions: saving the session is a save point for every process shown (a process is
 * saved no other way), and opening a session is one too, at the moment it opened; the Diff window opened with
 * Ctrl+Alt+D diffs from there.
 */
class SessionSavePointTest {
    @TempDir
    Path dir;
    private TimelineApp w;

    @AfterEach
    void close() throws Exception {
        if (w != null) {
            w.close();
        }
    }

    /** Every byte row of the Diff window (structure rows show no range). */
    private void onlyRowsAt(long address) {
        for (String r : w.ranges()) {
            assertTrue(r.equals(TimelineApp.range(address)) || r.equals("\u2014"), w.ranges().toString());
        }
    }

    @Test
    void savingASessionIsASavePointAndOpeningOneIsToo() throws Exception {
        w = TimelineApp.launch();
        long data = w.mapping("app", "data").base();
        w.typeAt(data + 0x10, "ab");
        w.openDiff();
        assertTrue(w.button("diffFromSave").isDisabled(), "nothing saved yet");

        Path session = dir.resolve("s.memscope");
        long saved = w.kernel().history().now();
        // File > Save session… runs this once its chooser names the file
        w.robot.interact(() -> w.app.files().saveSession(session));
        assertEquals("Session saved to s.memscope", w.status());
        w.waitUntil("the open Diff window follows the save", () -> !w.button("diffFromSave").isDisabled());
        w.closeDiff();

        w.typeAt(data + 0x30, "cd");
        w.openDiff();
        w.fire("diffFromSave");
        assertEquals(Long.toString(saved), w.field("diffFrom").getText(), "the call number at the save");
        assertTrue(w.summary().startsWith("1 changed range, by "), w.summary());
        onlyRowsAt(data + 0x30);
        assertTrue(w.hex().getHighlights().stream().noneMatch(h -> h.contains(data + 0x10)),
                "the byte typed before the save is not marked");

        // opening the session: the window is replaced (its Diff window goes), and the moment it opened is the save
        assertTrue(Reads.finish(w.robot, () -> w.app.files().openSession(session)), w.status());
        assertNull(w.diffWindow(), "the Diff window of the window that went away closed");
        assertEquals("editor-app", w.window().documents().current().orElseThrow().name());
        long loaded = w.kernel().history().now();
        assertTrue(loaded > w.kernel().history().horizon(), "the session brought its history");
        w.openDiff();
        assertFalse(w.button("diffFromSave").isDisabled(), "a session opened from a file is saved");
        w.fire("diffFromSave");
        assertEquals(Long.toString(loaded), w.field("diffFrom").getText());
        assertEquals("Nothing changed between #" + loaded + " and #" + loaded + ".", w.summary());
        w.closeDiff();

        w.typeAt(data + 0x50, "ef");
        w.openDiff();
        w.fire("diffFromSave");
        assertEquals(Long.toString(loaded), w.field("diffFrom").getText());
        assertTrue(w.summary().startsWith("1 changed range, by "), w.summary());
        onlyRowsAt(data + 0x50);
        // since the scenario loaded reaches back into the saved history: the byte typed before the save too
        w.fire("diffFromStart");
        assertTrue(w.ranges().contains(TimelineApp.range(data + 0x10)), w.ranges().toString());
    }
}
