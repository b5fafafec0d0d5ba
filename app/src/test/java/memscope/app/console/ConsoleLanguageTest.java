package memscope.app.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import memscope.app.lesson.TeachingWindow;
import memscope.app.testkit.Made;
import org.controlsfx.control.StatusBar;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The console follows a language switch: its message line, its transcript and the status line it reports to are
 * worded again from what was said (parse errors, command results), not kept as text in the old language.
 */
@ExtendWith(ApplicationExtension.class)
class ConsoleLanguageTest {
    private static final String BAD_LINE = "write app 0x11g0000 be";
    private static final String PARTIAL_WRITE = "write app 0x1101ffe 01 02 03 04"; // .data ends at 0x1102000

    private TeachingWindow ui;

    @Start
    void start(Stage stage) throws Exception {
        ui = new TeachingWindow(stage, Locale.ENGLISH);
    }

    private void typeAndRun(FxRobot robot, String text) {
        CodeArea console = Made.node(robot, "#console", CodeArea.class);
        robot.interact(console::clear);
        robot.clickOn(console);
        robot.write(text);
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String message(FxRobot robot) {
        return robot.lookup("#consoleMessage").queryAs(Label.class).getText();
    }

    private String status(FxRobot robot) {
        return robot.lookup("#statusPane").queryAs(StatusBar.class).getText();
    }

    private List<String> transcript() {
        return ui.teaching.console().transcriptText().lines().filter(l -> !l.startsWith("\u2014")).toList();
    }

    /** View › Language › {@code language}, the menu item fired as a click would (popups are flaky headless). */
    private void chooseLanguage(FxRobot robot, String languageKey) {
        MenuBar bar = robot.from(ui.window().root()).lookup("#menuBar").queryAs(MenuBar.class);
        Menu view = bar.getMenus().stream().filter(m -> m.getText().equals(ui.messages.get("menu.view")))
                .findFirst().orElseThrow();
        Menu language = (Menu) view.getItems().stream()
                .filter(i -> ui.messages.get("menu.view.language").equals(i.getText())).findFirst().orElseThrow();
        String wanted = ui.messages.get(languageKey);
        MenuItem item = language.getItems().stream().filter(i -> wanted.equals(i.getText())).findFirst()
                .orElseThrow();
        robot.interact(item::fire);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theHintBeforeAnyRunFollowsTheLanguage(FxRobot robot) {
        assertTrue(message(robot).startsWith("Type calls such as"), message(robot));
        robot.interact(() -> ui.messages.setLocale(Locale.SIMPLIFIED_CHINESE));
        assertTrue(message(robot).startsWith("输入调用，例如"), message(robot));
    }

    @Test
    void aParseErrorIsWordedAgainAfterALanguageSwitch(FxRobot robot) {
        typeAndRun(robot, BAD_LINE);
        String english = "line 1, column 15: ADDRESS: bad number '0x11g0000': 'g' is not a hex digit";
        assertEquals(english, message(robot));
        assertEquals("Console: " + english, status(robot));

        chooseLanguage(robot, "language.zh");
        assertEquals(Locale.SIMPLIFIED_CHINESE, ui.messages.getLocale());
        String chinese = "第 1 行，第 15 列：ADDRESS：无效的数字 '0x11g0000'：'g' 不是十六进制数字";
        assertEquals(chinese, message(robot));
        assertEquals("控制台：" + chinese, status(robot));

        chooseLanguage(robot, "language.en");
        assertEquals(english, message(robot));
        assertEquals("Console: " + english, status(robot));
    }

    @Test
    void theTranscriptAndTheRunSummaryAreWordedAgainAfterALanguageSwitch(FxRobot robot) {
        typeAndRun(robot, BAD_LINE);
        typeAndRun(robot, PARTIAL_WRITE + "\ndup app rights=READ as ro");
        List<String> english = transcript();
        assertEquals(2, english.size(), english.toString());
        assertEquals(PARTIAL_WRITE + " -> ZX_OK actual=2 (partial: 2 of 4)", english.get(0));
        assertTrue(english.get(1).matches("dup app rights=READ as ro -> ZX_OK ; ro = new handle 0x\\p{XDigit}+ "
                + "rights=READ"), english.get(1));
        String handle = english.get(1).replaceAll(".* handle (0x\\p{XDigit}+) .*", "$1");
        assertEquals("2 commands ran; last: " + english.get(1), message(robot));

        robot.interact(() -> ui.messages.setLocale(Locale.SIMPLIFIED_CHINESE));
        assertEquals(List.of(PARTIAL_WRITE + " -> ZX_OK actual=2（部分完成：4 字节中的 2 字节）",
                "dup app rights=READ as ro -> ZX_OK ; ro = 新句柄 " + handle + " rights=READ"), transcript());
        assertEquals("已运行 2 条命令；最后一条：dup app rights=READ as ro -> ZX_OK ; ro = 新句柄 " + handle
                + " rights=READ", message(robot));
        assertTrue(status(robot).startsWith("控制台：已运行 2 条命令"), status(robot));

        robot.interact(() -> ui.messages.setLocale(Locale.ENGLISH));
        assertEquals(english, transcript(), "switching back gives the same English lines");
    }
}
