package memscope.app.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import memscope.app.Messages;
import memscope.model.linux.LinuxProcessInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The picker's filter, typed into: a whole PID picks that process even when other rows also hold its digits. */
@ExtendWith(ApplicationExtension.class)
class ProcessPickerTest {
    private static final List<LinuxProcessInfo> ROWS = List.of(
            new LinuxProcessInfo(14242, "bash", "-bash", 1 << 20, 0),
            new LinuxProcessInfo(777, "java", "java -jar surefire.jar 20261204242 surefire_0-4242tmp", 1 << 26, 0),
            new LinuxProcessInfo(4242, "sleep", "/tmp/x/sleep 120", 1 << 20, 0),
            new LinuxProcessInfo(90, "cat", "cat", 1 << 16, 0));
    private final AtomicReference<LinuxProcessInfo> chosen = new AtomicReference<>();
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 300, 200));
        stage.show();
    }

    @AfterEach
    void closeDialogs(FxRobot robot) {
        robot.interact(() -> javafx.stage.Window.getWindows().stream().filter(w -> w != stage).toList()
                .forEach(javafx.stage.Window::hide));
    }

    private TableView<?> open(FxRobot robot) {
        robot.interact(() -> new ProcessPicker(new Messages(Locale.ENGLISH), stage, ROWS).show(chosen::set));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#processFilter");
        return robot.lookup("#processTable").queryAs(TableView.class);
    }

    @Test
    void aWholePidPicksThatProcessOverEarlierRowsHoldingItsDigits(FxRobot robot) {
        TableView<?> table = open(robot);
        robot.write("4242");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3, table.getItems().size(), "PID 14242 and a command line hold the digits too");
        assertEquals(4242, ((LinuxProcessInfo) table.getSelectionModel().getSelectedItem()).pid());
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(4242, chosen.get().pid());
    }

    @Test
    void partOfAPidPicksTheFirstRowShown(FxRobot robot) {
        TableView<?> table = open(robot);
        robot.write("424");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(14242, ((LinuxProcessInfo) table.getSelectionModel().getSelectedItem()).pid());
        robot.type(KeyCode.DOWN);
        assertEquals(777, ((LinuxProcessInfo) table.getSelectionModel().getSelectedItem()).pid());
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(chosen.get(), "Esc attaches nothing");
    }
}
