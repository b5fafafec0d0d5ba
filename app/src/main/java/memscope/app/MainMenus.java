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
import memscope.app.layout.Panel;

/** The menu bar: File, Edit, View, Simulation, each command with its shortcut shown. */
final class MainMenus {
    /** What the menus do. */
    interface Actions {
        void openScenario();

        void quit();

        void undo();

        void redo();

        void focusGoTo();

        void copy();

        void paste();

        /** Selects the whole mapping (or open file) under the caret. */
        void selectAll();

        void clearLog();

        void toggleDebugging();

        void killViewedProcess();

        /** Gives the syscall console the keyboard (if one is docked). */
        void showConsole();

        /** Shows the lesson panel (if one is docked). */
        void showLessons();

        boolean debuggingOn();

        /** Flips the kernel personality edits go through (Zircon's debugger write or Mach's vm_write). */
        void togglePersonality();

        boolean machWrites();

        /** The same write at the caret under both personalities, outcomes side by side. */
        void compareWrite();

        /** Whether a panel around the hex view is shown; the View menu's check items follow and set it. */
        javafx.beans.property.BooleanProperty panelShown(Panel panel);
    }

    /** View menu shortcuts that show or hide the panels around the hex view. */
    static final KeyCombination TOGGLE_TREE = KeyCombination.keyCombination("Shortcut+Shift+T");
    static final KeyCombination TOGGLE_SIDE = KeyCombination.keyCombination("Shortcut+Shift+P");
    static final KeyCombination TOGGLE_BOTTOM = KeyCombination.keyCombination("Shortcut+Shift+B");

    static final KeyCombination UNDO = KeyCombination.keyCombination("Shortcut+Z");
    static final KeyCombination REDO = KeyCombination.keyCombination("Shortcut+Y");
    static final KeyCombination REDO_ALT = KeyCombination.keyCombination("Shortcut+Shift+Z");
    static final KeyCombination GO_TO = KeyCombination.keyCombination("Shortcut+G");

    private final Messages messages;
    private final Actions actions;
    private CheckMenuItem debugging;
    private Menu file;
    private Menu edit;
    private Menu view;
    private CheckMenuItem mach;

    MainMenus(Messages messages, Actions actions) {
        this.messages = messages;
        this.actions = actions;
    }

    MenuBar build() {
        file = menu("menu.file",
                item("menu.file.open", "Shortcut+Shift+O", actions::openScenario),
                new SeparatorMenuItem(),
                item("menu.file.quit", "Shortcut+Q", actions::quit));
        edit = menu("menu.edit",
                item("menu.edit.undo", UNDO, actions::undo),
                item("menu.edit.redo", REDO, actions::redo),
                new SeparatorMenuItem(),
                item("menu.edit.copy", "Shortcut+C", actions::copy),
                item("menu.edit.paste", "Shortcut+V", actions::paste),
                item("menu.edit.selectAll", "Shortcut+A", actions::selectAll),
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
        view = menu("menu.view", language,
                item("menu.view.clearLog", "Shortcut+L", actions::clearLog),
                item("menu.view.console", "Shortcut+Shift+C", actions::showConsole),
                new SeparatorMenuItem(),
                panelItem(Panel.TREE, "menu.view.tree", TOGGLE_TREE),
                panelItem(Panel.SIDE, "menu.view.side", TOGGLE_SIDE),
                panelItem(Panel.BOTTOM, "menu.view.bottom", TOGGLE_BOTTOM));
        debugging = new CheckMenuItem();
        debugging.setId("debuggingMenu");
        debugging.textProperty().bind(messages.text("menu.simulation.debugging"));
        debugging.setAccelerator(KeyCombination.keyCombination("Shortcut+D"));
        debugging.setOnAction(e -> actions.toggleDebugging());
        mach = new CheckMenuItem();
        mach.setId("machMenu");
        mach.textProperty().bind(messages.text("menu.simulation.mach"));
        mach.setAccelerator(KeyCombination.keyCombination("Shortcut+M"));
        mach.setOnAction(e -> actions.togglePersonality());
        MenuItem compare = item("menu.simulation.compare", "Shortcut+Shift+M", actions::compareWrite);
        compare.setId("compareMenu");
        Menu simulation = menu("menu.simulation", debugging,
                item("menu.simulation.kill", "Shortcut+K", actions::killViewedProcess),
                new SeparatorMenuItem(), mach, compare,
                new SeparatorMenuItem(),
                item("menu.simulation.lessons", "Shortcut+Shift+L", actions::showLessons));
        // the check marks follow the kernel and the session, whoever changed them
        simulation.setOnShowing(e -> {
            debugging.setSelected(actions.debuggingOn());
            mach.setSelected(actions.machWrites());
        });
        MenuBar bar = new MenuBar(file, edit, view, simulation);
        bar.setId("menuBar");
        return bar;
    }

    /** Adds items to a menu: File gets them above Quit, Edit and View at the end. Call after {@link #build}. */
    void add(memscope.app.hooks.WindowHooks.MenuSlot slot, java.util.List<MenuItem> items) {
        switch (slot) {
            case FILE -> file.getItems().addAll(file.getItems().size() - 2, items);
            case EDIT -> edit.getItems().addAll(items);
            case VIEW -> view.getItems().addAll(items);
        }
    }

    private CheckMenuItem panelItem(Panel panel, String key, KeyCombination accelerator) {
        CheckMenuItem i = new CheckMenuItem();
        i.setId("panel-" + panel.name().toLowerCase(Locale.ROOT));
        i.textProperty().bind(messages.text(key));
        i.setAccelerator(accelerator);
        i.selectedProperty().bindBidirectional(actions.panelShown(panel));
        return i;
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
