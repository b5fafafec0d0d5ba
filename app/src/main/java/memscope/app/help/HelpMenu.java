package memscope.app.help;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Alert;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCombination;
import javafx.stage.Window;
import memscope.app.DialogButtons;
import memscope.app.Messages;

/**
 * Help: the keyboard shortcuts (read off the menu bar itself, so the list can never disagree with the menus,
 * plus the hex view's own keys) and About.
 */
public final class HelpMenu {
    /** Keys the hex view handles itself, which no menu item carries: bundle keys, shortcut then action. */
    private static final String[] VIEW_KEYS = {"help.keys.move", "help.keys.select", "help.keys.column",
        "help.keys.type", "help.keys.escape"};
    /** The lesson panel's keys (LessonPane): previous, run, next, and a clicker's keys. */
    private static final String[] LESSON_KEYS = {"help.keys.lessonPrevious", "help.keys.lessonPerform",
        "help.keys.lessonNext", "help.keys.lessonClicker"};

    private final Messages messages;
    private final MenuBar bar;
    private final Supplier<Window> owner;

    private HelpMenu(Messages messages, MenuBar bar, Supplier<Window> owner) {
        this.messages = messages;
        this.bar = bar;
        this.owner = owner;
    }

    /** Adds Help, last, to {@code bar}. */
    public static void install(Messages messages, MenuBar bar, Supplier<Window> owner) {
        new HelpMenu(messages, bar, owner).install();
    }

    private void install() {
        MenuItem keys = new MenuItem();
        keys.setId("helpShortcuts");
        keys.textProperty().bind(messages.text("help.menu.shortcuts"));
        keys.setAccelerator(KeyCombination.keyCombination("F1"));
        keys.setOnAction(e -> showShortcuts());
        MenuItem about = new MenuItem();
        about.setId("helpAbout");
        about.textProperty().bind(messages.text("help.menu.about"));
        about.setOnAction(e -> showAbout());
        Menu help = new Menu();
        help.setId("helpMenu");
        help.textProperty().bind(messages.text("help.menu"));
        help.getItems().addAll(keys, new SeparatorMenuItem(), about);
        bar.getMenus().add(help);
    }

    /** One row of the shortcuts table. */
    public record Shortcut(String keys, String action, String menu) {
        public String getKeys() {
            return keys;
        }

        public String getAction() {
            return action;
        }

        public String getMenu() {
            return menu;
        }
    }

    /** Every menu command with a shortcut, in menu order, then the hex view's own keys. */
    public List<Shortcut> shortcuts() {
        List<Shortcut> out = new ArrayList<>();
        for (Menu m : bar.getMenus()) {
            collect(m.getText(), m.getItems(), out);
        }
        String hexView = messages.get("help.keys.hexView");
        for (String key : VIEW_KEYS) {
            out.add(new Shortcut(messages.get(key + ".keys"), messages.get(key), hexView));
        }
        String lessons = messages.get("help.keys.lessons");
        for (String key : LESSON_KEYS) {
            out.add(new Shortcut(messages.get(key + ".keys"), messages.get(key), lessons));
        }
        return out;
    }

    private static void collect(String menu, List<MenuItem> items, List<Shortcut> out) {
        for (MenuItem i : items) {
            if (i instanceof Menu sub) {
                collect(menu + " \u203a " + sub.getText(), sub.getItems(), out);
            } else if (i.getAccelerator() != null && i.getText() != null) {
                out.add(new Shortcut(i.getAccelerator().getDisplayText(), plain(i.getText()), plain(menu)));
            }
        }
    }

    /** A menu text without its mnemonic mark: "_Paste hex" and "粘贴十六进制(_P)" read "Paste hex", "粘贴十六进制". */
    static String plain(String text) {
        return text.replaceAll("\\(_.\\)", "").replaceFirst("_", "");
    }

    private void showShortcuts() {
        TableView<Shortcut> table = new TableView<>();
        table.setId("shortcutsTable");
        table.getColumns().add(column("help.column.keys", Shortcut::keys, 150));
        table.getColumns().add(column("help.column.action", Shortcut::action, 280));
        table.getColumns().add(column("help.column.menu", Shortcut::menu, 160));
        table.getItems().setAll(shortcuts());
        table.setPrefSize(620, 460);
        Alert dialog = new Alert(Alert.AlertType.INFORMATION, "", DialogButtons.ok(messages));
        dialog.initOwner(owner.get());
        dialog.setTitle(messages.get("help.menu.shortcuts"));
        dialog.setHeaderText(messages.get("help.shortcuts.header"));
        dialog.getDialogPane().setContent(table);
        dialog.setResizable(true);
        dialog.show();
    }

    private TableColumn<Shortcut, String> column(String key, Function<Shortcut, String> field, double width) {
        TableColumn<Shortcut, String> c = new TableColumn<>();
        c.textProperty().bind(messages.text(key));
        // not PropertyValueFactory: its reflection would need this package opened to javafx.base
        c.setCellValueFactory(row -> new ReadOnlyStringWrapper(field.apply(row.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private void showAbout() {
        String version = HelpMenu.class.getPackage().getImplementationVersion();
        Alert dialog = new Alert(Alert.AlertType.INFORMATION, "", DialogButtons.ok(messages));
        dialog.initOwner(owner.get());
        dialog.setTitle(messages.get("help.menu.about"));
        dialog.setHeaderText("MemScope " + (version == null ? messages.get("help.about.devVersion") : version));
        dialog.setContentText(messages.get("help.about.text", System.getProperty("java.version"),
                System.getProperty("javafx.runtime.version", "?"), System.getProperty("os.name"),
                System.getProperty("os.arch")));
        dialog.getDialogPane().setId("aboutDialog");
        dialog.show();
    }
}
