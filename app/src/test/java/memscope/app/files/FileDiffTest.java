package memscope.app.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import memscope.app.hex.CellKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The timeline on an opened file, which the hex view addresses by file offset: Diff since the last save lists only
 * what changed after Ctrl+S, rows and marks at file offsets; jumping to a row shows the file's bytes as they were
 * then; Who wrote this? finds the byte under the caret.
 */
class FileDiffTest {
    @TempDir
    Path dir;
    private FileWindow w;

    @AfterEach
    void close() throws Exception {
        if (w != null) {
            w.close();
        }
    }

    @SuppressWarnings("unchecked")
    private TableView<Object> table() {
        return w.robot.lookup("#diffTable").queryAs(TableView.class);
    }

    private List<String> row(int row) {
        List<String> out = new ArrayList<>();
        for (TableColumn<Object, ?> c : table().getColumns()) {
            out.add(String.valueOf(c.getCellObservableValue(row).getValue()));
        }
        return out;
    }

    private String summary() {
        return w.robot.lookup("#diffSummary").queryAs(Label.class).getText();
    }

    private void fire(String id) {
        w.robot.interact(() -> w.robot.lookup("#" + id).queryAs(Button.class).fire());
    }

    @Test
    void sinceTheLastSaveListsOnlyWhatChangedAfterItAtFileOffsets() throws Exception {
        byte[] b = new byte[64];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) i;
        }
        Path f = Files.write(dir.resolve("diff.bin"), b);
        w = FileWindow.launch("--open", f.toString());
        w.typeAt(2, "ab");
        w.focusHex();
        w.press(KeyCode.CONTROL, KeyCode.S);
        w.waitUntil("saved", () -> w.status().startsWith("Saved diff.bin"));
        w.typeAt(5, "cd");

        w.fireMenu("timelineDiffBetween");
        assertTrue(summary().startsWith("2 changed ranges, by "), "since the file opened: " + summary());
        assertEquals("0x2 (1 byte)", row(0).get(0), "file offsets, not kernel addresses");
        assertTrue(w.hex().getHighlights().stream().anyMatch(h -> h.contains(2) && !h.contains(3)),
                w.hex().getHighlights().toString());

        assertFalse(w.robot.lookup("#diffFromSave").queryAs(Button.class).isDisabled(), "a file is saved");
        fire("diffFromSave");
        assertTrue(summary().startsWith("1 changed range, by "), summary());
        for (int i = 0; i < table().getItems().size(); i++) {
            assertEquals("0x5 (1 byte)", row(i).get(0));
        }
        assertTrue(row(0).get(4).startsWith("05 \u2192"), row(0).get(4));
        assertTrue(row(table().getItems().size() - 1).get(4).endsWith("\u2192 cd"));
        assertTrue(w.hex().getHighlights().stream().noneMatch(h -> h.contains(2)), "the saved byte is not marked");

        // the first call that wrote offset 5 (typing may write a nibble first): the file as it was just after it
        fire("diffFromStart");
        String after = row(0).get(4).substring(row(0).get(4).lastIndexOf(' ') + 1);
        w.robot.interact(() -> table().getSelectionModel().select(0));
        assertEquals(2, w.hex().caretProperty().get());
        byte[] shown = new byte[1];
        w.robot.interact(() -> w.hex().getSource().read(2, shown, new CellKind[1], 1));
        assertEquals(after, String.format("%02x", shown[0]), "the past view reads the file's offsets");
        w.robot.interact(() -> w.hex().getSource().read(5, shown, new CellKind[1], 1));
        assertEquals(5, shown[0], "offset 5 was not written yet then");
    }

    @Test
    void whoWroteThisFindsTheByteAtAFileOffset() throws Exception {
        Path f = Files.write(dir.resolve("who.bin"), new byte[32]);
        w = FileWindow.launch("--open", f.toString());
        w.typeAt(7, "ee");
        w.robot.interact(() -> w.hex().goTo(7));
        w.focusHex();
        w.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.H);
        @SuppressWarnings("unchecked")
        ListView<Object> list = w.robot.lookup("#whoWroteList").queryAs(ListView.class);
        assertFalse(list.getItems().isEmpty(), "the byte at offset 7 was written by the editor");
        assertTrue(String.valueOf(list.getItems().get(list.getItems().size() - 1)).contains("after=238"),
                list.getItems().toString());
    }
}
