package memscope.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import memscope.app.timeline.Timeline;
import memscope.model.MapEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Diff between moments, as a person uses it: Ctrl+Alt+D opens it on "since the scenario loaded" to the moment
 * shown, the changed bytes are marked and listed with their calls, choosing a row jumps the timeline and the
 * caret there, and a call number that is not one is named without changing the list.
 */
@ExtendWith(ApplicationExtension.class)
class TimelineDiffTest {
    private DemoWindow demo;
    private Timeline timeline;

    @Start
    void start(Stage stage) throws Exception {
        demo = new DemoWindow(stage);
        timeline = Timeline.attach(demo.window, demo.messages);
    }

    @AfterEach
    void closeDialogs(FxRobot robot) {
        robot.interact(() -> new ArrayList<>(javafx.stage.Window.getWindows()).stream()
                .filter(w -> w instanceof Stage s && s.getOwner() != null).forEach(w -> ((Stage) w).close()));
    }

    @SuppressWarnings("unchecked")
    private TableView<Object> table(FxRobot robot) {
        return robot.lookup("#diffTable").queryAs(TableView.class);
    }

    /** Row {@code row} as the table shows it: one string per column. */
    private List<String> row(FxRobot robot, int row) {
        TableView<Object> t = table(robot);
        List<String> out = new ArrayList<>();
        for (TableColumn<Object, ?> c : t.getColumns()) {
            out.add(String.valueOf(c.getCellObservableValue(row).getValue()));
        }
        return out;
    }

    private String summary(FxRobot robot) {
        return robot.lookup("#diffSummary").queryAs(Label.class).getText();
    }

    @Test
    void theDiffListsTheChangedBytesWithTheirCallsAndChoosingOneJumpsThere(FxRobot robot) {
        MapEntry data = demo.mappingOf("app", "data");
        long first = data.base() + 0x10;
        long second = data.base() + 0x30;
        byte old = demo.read("app", second, 1)[0];
        demo.typeAt(robot, first, "ab");
        demo.typeAt(robot, second, "cd");
        long now = demo.kernel.history().now();

        robot.push(KeyCode.CONTROL, KeyCode.ALT, KeyCode.D);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Long.toString(demo.kernel.history().horizon()),
                robot.lookup("#diffFrom").queryAs(TextField.class).getText(), "since the scenario loaded");
        assertEquals(Long.toString(now), robot.lookup("#diffTo").queryAs(TextField.class).getText(), "to now");
        assertEquals(List.of("Range", "Call", "Personality", "Caller", "Before \u2192 after"),
                table(robot).getColumns().stream().map(TableColumn::getText).toList());
        assertTrue(summary(robot).startsWith("2 changed ranges, by "), summary(robot));
        assertTrue(robot.lookup("#diffFromSave").queryAs(Button.class).isDisabled(), "a process is never saved");

        // the last row is the last call that wrote the second byte: cd, typed by the editor
        int last = table(robot).getItems().size() - 1;
        List<String> cells = row(robot, last);
        assertEquals("0x" + Long.toHexString(second) + " (1 byte)", cells.get(0));
        assertEquals("#" + now, cells.get(1));
        assertEquals("Zircon", cells.get(2));
        assertEquals("editor", cells.get(3));
        assertTrue(cells.get(4).endsWith("\u2192 cd"), cells.get(4));
        assertEquals("0x" + Long.toHexString(first) + " (1 byte)", row(robot, 0).get(0));
        assertTrue(demo.hex(robot).getHighlights().stream().anyMatch(h -> h.contains(first)));
        assertTrue(demo.hex(robot).getHighlights().stream().anyMatch(h -> h.contains(second)
                && !h.contains(second + 1)));

        // choosing the first row that wrote the second byte shows the moment just after it, caret on the byte
        int firstOfSecond = 0;
        while (!row(robot, firstOfSecond).get(0).equals(cells.get(0))) {
            firstOfSecond++;
        }
        long chosenCall = Long.parseLong(row(robot, firstOfSecond).get(1).substring(1));
        String chosenBefore = row(robot, firstOfSecond).get(4);
        assertTrue(chosenBefore.startsWith(String.format("%02x \u2192", old)), chosenBefore);
        int pick = firstOfSecond;
        robot.interact(() -> {
            table(robot).requestFocus();
            table(robot).getSelectionModel().select(pick);
        });
        WaitForAsyncUtils.waitForFxEvents();
        if (chosenCall < now) {
            assertTrue(timeline.inThePast());
            assertEquals(chosenCall, timeline.viewingProperty().get());
        }
        assertEquals(second, demo.hex(robot).caretProperty().get());

        // the arrow key chooses the next row: the last one is now, the live view
        robot.interact(() -> table(robot).getSelectionModel().select(last));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(timeline.inThePast(), "the last write's moment is now");

        // from the moment after the first byte's last write, only the second byte changed
        long afterFirst = Long.parseLong(row(robot, firstOfSecond - 1).get(1).substring(1));
        robot.interact(() -> robot.lookup("#diffFrom").queryAs(TextField.class).setText("#" + afterFirst));
        robot.interact(() -> robot.lookup("#diffCompare").queryAs(Button.class).fire());
        assertTrue(summary(robot).startsWith("1 changed range, by "), summary(robot));
        assertTrue(table(robot).getItems().size() >= 1);
        for (int i = 0; i < table(robot).getItems().size(); i++) {
            assertEquals(cells.get(0), row(robot, i).get(0));
        }
        assertTrue(demo.hex(robot).getHighlights().stream().noneMatch(h -> h.contains(first)),
                "the first byte is no longer marked");

        // bad input is named, and the list stays as it was
        int shownRows = table(robot).getItems().size();
        robot.interact(() -> robot.lookup("#diffFrom").queryAs(TextField.class).setText("twelve"));
        robot.interact(() -> robot.lookup("#diffCompare").queryAs(Button.class).fire());
        assertEquals("\u201ctwelve\u201d is not a call number: type the number of a call in the syscall log, "
                + "such as 12", summary(robot));
        assertEquals(shownRows, table(robot).getItems().size());
        robot.interact(() -> robot.lookup("#diffFrom").queryAs(TextField.class).setText(Long.toString(now + 5)));
        robot.interact(() -> robot.lookup("#diffCompare").queryAs(Button.class).fire());
        assertEquals("#" + (now + 5) + " is outside the history, which holds calls #"
                + demo.kernel.history().horizon() + " to #" + now, summary(robot));

        // the preset goes back to the start at once
        robot.interact(() -> robot.lookup("#diffFromStart").queryAs(Button.class).fire());
        assertTrue(summary(robot).startsWith("2 changed ranges, by "), summary(robot));
    }

    @Test
    void whatChangedBesidesBytesIsListedAfterTheBytesAndChoosingItJumpsThere(FxRobot robot) {
        MapEntry data = demo.mappingOf("app", "data");
        demo.typeAt(robot, data.base() + 0x10, "ab");
        robot.interact(() -> demo.kernel.vmoCreate(4096, 0)); // a new VMO and a handle to it: no byte changes
        long created = demo.kernel.history().now();
        demo.typeAt(robot, data.base() + 0x11, "cd");
        long now = demo.kernel.history().now();

        robot.push(KeyCode.CONTROL, KeyCode.ALT, KeyCode.D);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(summary(robot).startsWith("1 changed range, by "), summary(robot));
        assertTrue(summary(robot).contains(" also changed what exists (listed after the bytes)."), summary(robot));
        List<List<String>> structural = new ArrayList<>();
        List<List<String>> bytes = new ArrayList<>();
        for (int i = 0; i < table(robot).getItems().size(); i++) {
            (row(robot, i).get(0).equals("\u2014") ? structural : bytes).add(row(robot, i));
            if (!structural.isEmpty() && !row(robot, i).get(0).equals("\u2014")) {
                throw new AssertionError("a byte row after the structure rows: " + row(robot, i));
            }
        }
        assertTrue(bytes.stream().allMatch(r -> r.get(0).startsWith("0x")), bytes.toString());
        List<String> vmo = structural.stream().filter(r -> r.get(4).startsWith("VMO koid ")).findFirst()
                .orElseThrow(() -> new AssertionError("no VMO row in " + structural));
        assertEquals("#" + created, vmo.get(1));
        assertEquals("editor", vmo.get(3));
        assertTrue(vmo.get(4).endsWith(" created, resized, renamed or its cache policy set"), vmo.get(4));
        assertTrue(structural.stream().anyMatch(r -> r.get(1).equals("#" + created)
                && r.get(4).startsWith("a handle to koid ")), structural.toString());

        // choosing the structure row shows the moment just after its call, and leaves the caret where it was
        long caret = demo.hex(robot).caretProperty().get();
        int pick = bytes.size() + structural.indexOf(vmo);
        robot.interact(() -> table(robot).getSelectionModel().select(pick));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(created < now);
        assertTrue(timeline.inThePast());
        assertEquals(created, timeline.viewingProperty().get());
        assertEquals(caret, demo.hex(robot).caretProperty().get());

        // between two moments with no call that changed what exists, there are no structure rows
        robot.interact(() -> robot.lookup("#diffFrom").queryAs(TextField.class).setText(Long.toString(created)));
        robot.interact(() -> robot.lookup("#diffCompare").queryAs(Button.class).fire());
        assertTrue(summary(robot).startsWith("1 changed range, by "), summary(robot));
        assertTrue(summary(robot).endsWith(" between #" + created + " and #" + now), summary(robot));
        for (int i = 0; i < table(robot).getItems().size(); i++) {
            assertTrue(row(robot, i).get(0).startsWith("0x"), "only byte rows: " + row(robot, i));
        }
    }

    @Test
    void theViewMenuOpensItAndTheWordsAreChineseInChinese(FxRobot robot) {
        MapEntry data = demo.mappingOf("app", "data");
        demo.typeAt(robot, data.base() + 0x40, "11");
        robot.interact(() -> demo.messages.setLocale(java.util.Locale.SIMPLIFIED_CHINESE));
        javafx.scene.control.MenuBar bar = robot.from(demo.window.root()).lookup("#menuBar")
                .queryAs(javafx.scene.control.MenuBar.class);
        robot.interact(() -> bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> "timelineDiffBetween".equals(i.getId())).findFirst().orElseThrow().fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("范围", table(robot).getColumns().get(0).getText());
        assertTrue(row(robot, 0).get(0).endsWith("（1 字节）"), row(robot, 0).get(0));
        assertTrue(summary(robot).contains("个更改的范围"), summary(robot));
    }
}
