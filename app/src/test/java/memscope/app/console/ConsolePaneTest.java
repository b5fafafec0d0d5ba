package memscope.app.console;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import memscope.app.files.Fifos;
import memscope.app.files.Reads;
import memscope.app.hex.CellKind;
import memscope.app.hex.HexView;
import memscope.app.lesson.TeachingWindow;
import memscope.app.testkit.Made;
import memscope.model.IoResult;
import memscope.model.Kernel;
import memscope.model.Status;
import org.controlsfx.control.StatusBar;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.StyleClassedTextArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The console in the real window on the demo scenario, typed into by the robot: a command run with Ctrl+Enter
 * changes the kernel's bytes, the hex view and the syscall log; a malformed one shows its line and column and
 * changes nothing.
 */
@ExtendWith(ApplicationExtension.class)
class ConsolePaneTest {
    private static final long DATA = 0x1100000L; // editor-app.data in the demo, rw-, "Hello, MemScope!"

    private TeachingWindow ui;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) throws Exception {
        ui = new TeachingWindow(stage, Locale.ENGLISH);
    }

    private Kernel kernel() {
        return ui.window().session().kernel();
    }

    private int handle(String name) {
        return ui.window().session().handleNamed(name).orElseThrow();
    }

    /** Reads as the window does for display: quietly, so the read stays out of the syscall log. */
    private byte[] memory(long address, int length) {
        byte[] out = new byte[length];
        IoResult r = ui.window().session().quietly(() -> kernel().readMemory(handle("app"), address, out, length));
        assertEquals(Status.OK, r.status());
        return out;
    }

    private byte[] shownInHexView(FxRobot robot, long address, int length) {
        HexView hex = robot.lookup("#hexView").queryAs(HexView.class);
        byte[] data = new byte[length];
        CellKind[] kinds = new CellKind[length];
        robot.interact(() -> hex.getSource().read(address, data, kinds, length));
        return data;
    }

    private String log(FxRobot robot) {
        return Made.node(robot, "#syscallLog", StyleClassedTextArea.class).getText();
    }

    private CodeArea console(FxRobot robot) {
        return Made.node(robot, "#console", CodeArea.class);
    }

    private void type(FxRobot robot, String text) {
        robot.clickOn(console(robot));
        robot.write(text);
    }

    private void runWithCtrlEnter(FxRobot robot) {
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private ConsolePane pane() {
        return ui.teaching.console();
    }

    @Test
    void aTypedWriteRunsWithCtrlEnterAndShowsInTheKernelTheHexViewAndTheLog(FxRobot robot) {
        String logBefore = log(robot);
        type(robot, "write app 0x1100000 de ad be ef");
        runWithCtrlEnter(robot);

        byte[] written = {(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef};
        assertArrayEquals(written, memory(DATA, 4));
        assertArrayEquals(written, shownInHexView(robot, DATA, 4));
        String log = log(robot);
        assertEquals(logBefore.lines().count() + 1, log.lines().count(), log);
        String last = log.lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(last.contains("zx_process_write_memory") && last.contains("-> ZX_OK [4/4]"), last);
        assertTrue(pane().transcriptText().contains("write app 0x1100000 de ad be ef -> ZX_OK actual=4"));
        String status = robot.lookup("#statusPane").queryAs(StatusBar.class).getText();
        assertTrue(status.startsWith("Console: 1 command ran"), status);
        assertEquals("write app 0x1100000 de ad be ef", console(robot).getText(), "the text stays to run again");
    }

    @Test
    void aMalformedCommandShowsLineAndColumnAndChangesNothing(FxRobot robot) {
        String logBefore = log(robot);
        byte[] before = memory(DATA, 16);
        type(robot, "write app 0x1100000 de ad\nwrite app 0x11g0000 be");
        runWithCtrlEnter(robot);

        String message = robot.lookup("#consoleMessage").queryAs(javafx.scene.control.Label.class).getText();
        assertEquals("line 2, column 15: ADDRESS: bad number '0x11g0000': 'g' is not a hex digit", message);
        assertArrayEquals(before, memory(DATA, 16), "the valid first line did not run either");
        assertEquals(logBefore, log(robot), "no call reached the kernel");
        assertEquals("", pane().transcriptText().replaceAll("(?m)^\u2014.*$", "").strip());
        CodeArea area = console(robot);
        assertEquals("write app 0x1100000 de ad\n".length() + 14, area.getCaretPosition(), "caret on the 'g'");
        int g = area.getText().indexOf('g');
        assertTrue(area.getStyleOfChar(g).contains("console-error"), "the bad token is marked");
        assertFalse(area.getStyleOfChar(0).contains("console-error"));
    }

    @Test
    void onlyTheSelectedLinesRun(FxRobot robot) {
        type(robot, "write app 0x1100000 01\nwrite app 0x1100001 02");
        CodeArea area = console(robot);
        robot.interact(() -> area.selectRange(area.getText().indexOf("0x1100001"), area.getText().length() - 1));
        runWithCtrlEnter(robot);
        assertArrayEquals(new byte[] {'H', 2}, memory(DATA, 2));
    }

    @Test
    void theBriefsCallsRunInOrderWithTheRunButton(FxRobot robot) {
        type(robot, "dup app rights=READ as ro\nwrite ro 0x1100000 de ad\ntask t app CONTROL\n"
                + "vm_write t 0x1100000 90 90\nkill app\nwrite app 0x1100000 00");
        robot.clickOn("#consoleRun");
        List<String> lines = pane().transcriptText().lines().filter(l -> !l.startsWith("\u2014")).toList();
        assertEquals(6, lines.size(), pane().transcriptText());
        assertTrue(lines.get(0).contains("-> ZX_OK"), lines.get(0));
        assertTrue(lines.get(1).endsWith("-> ZX_ERR_ACCESS_DENIED"), lines.get(1));
        assertTrue(lines.get(2).contains("-> KERN_SUCCESS"), lines.get(2));
        assertTrue(lines.get(3).contains("-> KERN_SUCCESS"), lines.get(3));
        assertTrue(lines.get(4).contains("-> ZX_OK"), lines.get(4));
        assertTrue(lines.get(5).endsWith("-> ZX_ERR_BAD_STATE"), lines.get(5));
        assertTrue(pane().session().names().containsKey("ro") && pane().session().names().containsKey("t"));
    }

    @Test
    void scriptsAreSavedLoadedAndReplayed(FxRobot robot) throws IOException {
        type(robot, "write app 0x1100000 \"J\"");
        Path file = dir.resolve("one.msc");
        robot.interact(() -> pane().save(file));
        assertEquals("write app 0x1100000 \"J\"\n", Files.readString(file));
        CodeArea area = console(robot);
        robot.interact(area::clear);
        assertTrue(Reads.finish(robot, () -> pane().replay(file)), pane().message());
        assertEquals('J', memory(DATA, 1)[0]);
        assertEquals("write app 0x1100000 \"J\"\n", console(robot).getText());
    }

    @Test
    void theSampleTourReplaysWithTheAnswersItsCommentsPromise(FxRobot robot) throws IOException {
        Path tour = Path.of("..", "resources", "lessons", "scripts", "demo-tour.msc");
        List<String> expected = Files.readAllLines(tour).stream()
                .map(l -> java.util.regex.Pattern.compile("^[^#]+#\\s*->\\s*(\\S+)").matcher(l))
                .filter(java.util.regex.Matcher::find).map(m -> m.group(1)).toList();
        assertTrue(expected.size() >= 15, "the tour has its expectations: " + expected);
        assertTrue(Reads.finish(robot, () -> pane().replay(tour)), pane().message());
        List<String> lines = pane().transcriptText().lines().filter(l -> !l.startsWith("\u2014")).toList();
        assertEquals(expected.size(), lines.size(), pane().transcriptText());
        for (int i = 0; i < lines.size(); i++) {
            assertTrue(lines.get(i).contains("-> " + expected.get(i)), lines.get(i) + " should be " + expected.get(i));
        }
    }

    @Test
    void aFileThatCannotBeReadSaysSoAndKeepsTheText(FxRobot robot) throws IOException {
        type(robot, "read app 0x1100000 4");
        Path missing = dir.resolve("missing.msc");
        assertFalse(Reads.finish(robot, () -> pane().load(missing)));
        assertEquals("Cannot read " + missing + ": no such file", pane().message());
        Path binary = dir.resolve("binary.msc");
        Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xfe, 0, (byte) 0xc3});
        assertFalse(Reads.finish(robot, () -> pane().load(binary)));
        assertEquals("Cannot read " + binary + ": it is not UTF-8 text", pane().message());
        assertEquals("read app 0x1100000 4", console(robot).getText());
    }

    @Test
    void aNamedPipeIsRefusedAndTheTextKept(FxRobot robot) throws Exception {
        type(robot, "read app 0x1100000 4");
        Path fifo = Fifos.make(dir.resolve("pipe.msc"));
        try {
            assertFalse(Reads.finish(robot, () -> pane().load(fifo)));
            assertEquals("Cannot read " + fifo + ": " + fifo + " is a named pipe (FIFO), not a regular file",
                    pane().message());
            assertFalse(Reads.finish(robot, () -> pane().replay(fifo)));
            assertEquals("read app 0x1100000 4", console(robot).getText());
        } finally {
            Fifos.release(fifo);
        }
    }

    @Test
    void ctrlSpaceCompletesTheCommandName(FxRobot robot) {
        type(robot, "wri");
        robot.press(KeyCode.CONTROL, KeyCode.SPACE).release(KeyCode.SPACE, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("write", console(robot).getText());
    }

    private static javafx.scene.control.ContextMenu completionMenu() {
        return javafx.stage.Window.getWindows().stream()
                .filter(w -> w instanceof javafx.scene.control.ContextMenu m && "consoleCompletion".equals(m.getId()))
                .map(w -> (javafx.scene.control.ContextMenu) w).findFirst().orElseThrow();
    }

    @Test
    void severalCommandsAreOfferedWithWhatTheyDoAndTheChosenOneIsInserted(FxRobot robot) {
        type(robot, "vm_w");
        robot.press(KeyCode.CONTROL, KeyCode.SPACE).release(KeyCode.SPACE, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("vm_write", console(robot).getText(), "one candidate is inserted at once");
        robot.interact(() -> console(robot).replaceText("re"));
        robot.interact(() -> console(robot).moveTo(2));
        robot.press(KeyCode.CONTROL, KeyCode.SPACE).release(KeyCode.SPACE, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(completionMenu().getItems().stream().anyMatch(i -> i.getText().startsWith(
                "read \u2014 zx_process_read_memory: read bytes from a process")), "a Zircon command names its call");
        robot.interact(() -> completionMenu().hide());
        robot.interact(() -> console(robot).replaceText("vm_"));
        robot.interact(() -> console(robot).moveTo(3));
        robot.press(KeyCode.CONTROL, KeyCode.SPACE).release(KeyCode.SPACE, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.ContextMenu menu = completionMenu();
        javafx.scene.control.MenuItem write = menu.getItems().stream()
                .filter(i -> i.getText().startsWith("vm_write \u2014 Mach: write bytes")).findFirst()
                .orElseThrow(() -> new AssertionError(menu.getItems().stream().map(javafx.scene.control.MenuItem::getText)
                        .toList().toString()));
        robot.interact(() -> {
            write.fire();
            menu.hide();
        });
        assertEquals("vm_write", console(robot).getText(), "the name alone is inserted");
    }

    @Test
    void commandsAreHighlightedByKind(FxRobot robot) {
        type(robot, "write app 0x1100000 de # note");
        CodeArea area = console(robot);
        assertTrue(area.getStyleOfChar(0).contains("console-command"));
        assertTrue(area.getStyleOfChar(6).contains("console-name"));
        assertTrue(area.getStyleOfChar(10).contains("console-number"));
        assertTrue(area.getStyleOfChar(20).contains("console-bytes"));
        assertTrue(area.getStyleOfChar(24).contains("console-comment"));
    }

    @Test
    void theConsoleFollowsTheWindowToALessonsKernel(FxRobot robot) {
        memscope.model.script.ConsoleSession demo = pane().session();
        assertSame(kernel(), demo.kernel());
        robot.interact(() -> ui.window().showLessons());
        robot.clickOn("#lessonStart");
        assertNotSame(demo, pane().session());
        assertSame(kernel(), pane().session().kernel());
        assertTrue(pane().session().names().containsKey("p1"), "the lesson scenario's names");
    }
}
