package memscope.app;

import java.util.Locale;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;

/** The menu bar: File, Edit, View, Simulation, each command with its shortcut shown. */
final class MainMenus {
    /** What the menus do. */
    interface Actions {
        void openScenario();

        void quit();

        void undo();

        void redo();

        void focusGoTo();

        void clearLog();

        void toggleDebugging();

        void killViewedProcess();

        boolean debuggingOn();
    }

    static final KeyCombination UNDO = KeyCombination.keyCombination("Shortcut+Z");
    static final KeyCombination REDO = KeyCombination.keyCombination("Shortcut+Y");
    static final KeyCombination REDO_ALT = KeyCombination.keyCombination("Shortcut+Shift+Z");
    static final KeyCombination GO_TO = KeyCombination.keyCombination("Shortcut+G");

    private final Messages messages;
    private final Actions actions;
    private CheckMenuItem debugging;

    MainMenus(Messages messages, Actions actions) {
        this.messages = messages;
        this.actions = actions;
    }

    MenuBar build() {
        Menu file = menu("menu.file",
                item("menu.file.open", "Shortcut+O", actions::openScenario),
                new SeparatorMenuItem(),
                item("menu.file.quit", "Shortcut+Q", actions::quit));
        Menu edit = menu("menu.edit",
                item("menu.edit.undo", UNDO, actions::undo),
                item("menu.edit.redo", REDO, actions::redo),
                new SeparatorMenuItem(),
                item("menu.edit.goto", GO_TO, actions::focusGoTo));
        Menu language = menu("menu.view.language");
        ToggleGroup languages = new ToggleGroup();
        for (Locale l : Messages.SUPPORTED) {
            RadioMenuItem choice = new RadioMenuItem();
            choice.textProperty().bind(messages.text("language." + l.getLanguage()));
            choice.setToggleGroup(languages);
            choice.setSelected(l.getLanguage().equals(messages.getLocale().getLanguage()));
            choice.setOnAction(e -> messages.setLocale(l));
            language.getItems().add(choice);
        }
        Menu view = menu("menu.view", language,
                item("menu.view.clearLog", "Shortcut+L", actions::clearLog));
        debugging = new CheckMenuItem();
        debugging.setId("debuggingMenu");
        debugging.textProperty().bind(messages.text("menu.simulation.debugging"));
        debugging.setAccelerator(KeyCombination.keyCombination("Shortcut+D"));
        debugging.setOnAction(e -> actions.toggleDebugging());
        Menu simulation = menu("menu.simulation", debugging,
                item("menu.simulation.kill", "Shortcut+K", actions::killViewedProcess));
        // the check mark follows the kernel, whoever changed the option
        simulation.setOnShowing(e -> debugging.setSelected(actions.debuggingOn()));
        MenuBar bar = new MenuBar(file, edit, view, simulation);
        bar.setId("menuBar");
        return bar;
    }

    private Menu menu(String key, MenuItem... items) {
        Menu m = new Menu();
        m.textProperty().bind(messages.text(key));
        m.getItems().addAll(items);
        return m;
    }

    private MenuItem item(String key, String accelerator, Runnable action) {
        return item(key, KeyCombination.keyCombination(accelerator), action);
    }

    private MenuItem item(String key, KeyCombination accelerator, Runnable action) {
        MenuItem i = new MenuItem();
        i.textProperty().bind(messages.text(key));
        i.setAccelerator(accelerator);
        i.setOnAction(e -> action.run());
        return i;
    }
}
