package memscope.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import memscope.app.help.HelpMenu.Shortcut;
import memscope.app.hex.AddressRange;
import memscope.model.MapEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Help › Keyboard shortcuts lists every shortcut the menus carry; About names the build; Ctrl+A selects. */
@ExtendWith(ApplicationExtension.class)
class HelpAndSelectAllTest {
    private DemoWindow demo;

    @Start
    void start(Stage stage) throws Exception {
        demo = new DemoWindow(stage);
    }

    @AfterEach
    void closeDialogs(FxRobot robot) {
        robot.interact(() -> new ArrayList<>(javafx.stage.Window.getWindows()).stream()
                .filter(w -> w instanceof Stage s && s.getOwner() != null).forEach(w -> ((Stage) w).close()));
    }

    @Test
    void f1ListsEveryMenuShortcutAndTheHexViewsKeys(FxRobot robot) {
        robot.interact(() -> demo.hex(robot).requestFocus());
        robot.push(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();

        @SuppressWarnings("unchecked")
        TableView<Shortcut> table = robot.lookup("#shortcutsTable").queryAs(TableView.class);
        List<String> listed = table.getItems().stream().map(Shortcut::keys).toList();
        MenuBar bar = robot.from(demo.window.root()).lookup("#menuBar").queryAs(MenuBar.class);
        List<String> accelerators = new ArrayList<>();
        for (Menu m : bar.getMenus()) {
            accelerators(m.getItems(), accelerators);
        }
        assertTrue(accelerators.size() > 10, "the menus carry shortcuts: " + accelerators);
        assertTrue(listed.containsAll(accelerators), "missing: " + accelerators.stream()
                .filter(a -> !listed.contains(a)).toList());
        assertTrue(table.getItems().stream().anyMatch(s -> s.action().equals("Go to address") || s.keys().equals(
                javafx.scene.input.KeyCombination.keyCombination("Shortcut+G").getDisplayText())));
        assertTrue(table.getItems().stream().anyMatch(s -> s.menu().equals("Hex view") && s.keys().equals("Tab")));
        assertTrue(table.getItems().stream().anyMatch(s -> s.action().equals("Paste hex")), "mnemonic marks removed");
        assertTrue(table.getItems().stream().noneMatch(s -> s.action().startsWith("_")));
    }

    @Test
    void aboutNamesTheProgramAndItsRuntime(FxRobot robot) {
        MenuBar bar = robot.from(demo.window.root()).lookup("#menuBar").queryAs(MenuBar.class);
        robot.interact(() -> bar.getMenus().stream().filter(m -> "helpMenu".equals(m.getId())).findFirst()
                .orElseThrow().getItems().stream().filter(i -> "helpAbout".equals(i.getId())).findFirst()
                .orElseThrow().fire());
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.DialogPane about = robot.lookup("#aboutDialog").queryAs(javafx.scene.control.DialogPane.class);
        assertTrue(about.getHeaderText().startsWith("MemScope "), about.getHeaderText());
        assertTrue(about.getContentText().contains("Java " + System.getProperty("java.version")), about.getContentText());
    }

    @Test
    void ctrlASelectsTheMappingUnderTheCaret(FxRobot robot) {
        MapEntry data = demo.mappingOf("app", "data");
        robot.interact(() -> {
            demo.hex(robot).goTo(data.base() + 0x10);
            demo.hex(robot).requestFocus();
        });
        robot.push(KeyCode.CONTROL, KeyCode.A);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(new AddressRange(data.base(), data.base() + data.size()),
                demo.hex(robot).selectionProperty().get());
    }

    private static void accelerators(List<MenuItem> items, List<String> out) {
        for (MenuItem i : items) {
            if (i instanceof Menu m) {
                accelerators(m.getItems(), out);
            } else if (i.getAccelerator() != null) {
                out.add(i.getAccelerator().getDisplayText());
            }
        }
    }
}
