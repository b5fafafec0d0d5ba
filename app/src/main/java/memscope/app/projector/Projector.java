package memscope.app.projector;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Parent;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import memscope.app.hooks.WindowHooks;
import memscope.app.Messages;
import memscope.app.hex.HexTheme;
import memscope.app.layout.LayoutStore;
import memscope.app.layout.Panel;
import memscope.app.layout.Workspace;

/**
 * For a classroom projector: View › Zoom in / Zoom out / Actual size (Ctrl+= / Ctrl+- / Ctrl+0) scale every pane
 * from 100 % to 250 % (the text of every control through the root font size, the hex view through its own font,
 * so both stay sharp), and View › Presenter layout (Shift+F5) shows only the lesson, the hex view and the status line,
 * with large step text. Both outlast the window: every lesson step that rebuilds the world gets them again.
 */
public final class Projector {
    public static final KeyCombination ZOOM_IN = new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination ZOOM_OUT = new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination ZOOM_RESET = new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination PRESENTER = new KeyCodeCombination(KeyCode.F5, KeyCombination.SHIFT_DOWN);
    /** The other keys a person may press for zoom in: Ctrl++ (Shift+= on most layouts) and the keypad's +. */
    private static final List<KeyCombination> ZOOM_IN_ALSO = List.of(
            new KeyCodeCombination(KeyCode.PLUS, KeyCombination.SHORTCUT_DOWN),
            new KeyCodeCombination(KeyCode.ADD, KeyCombination.SHORTCUT_DOWN),
            new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
    /** The keypad's - for zoom out. */
    private static final KeyCombination ZOOM_OUT_ALSO = new KeyCodeCombination(KeyCode.SUBTRACT,
            KeyCombination.SHORTCUT_DOWN);
    /** The default font size the stylesheets' em sizes are relative to. */
    static final double BASE_FONT = 13;

    private final Messages messages;
    private final Zoom zoom;
    private final BooleanProperty presenter = new SimpleBooleanProperty();
    private final BooleanProperty highContrast = new SimpleBooleanProperty();
    static final String HIGH_CONTRAST_CSS = Projector.class.getResource("/memscope/app/high-contrast.css")
            .toExternalForm();
    /** Which panels were shown before the presenter layout hid some, to give them back. */
    private final Map<Panel, Boolean> before = new EnumMap<>(Panel.class);
    private WindowHooks window;

    public Projector(Messages messages) {
        this(messages, new Zoom(LayoutStore.userNode()));
    }

    Projector(Messages messages, Zoom zoom) {
        this.messages = messages;
        this.zoom = zoom;
        zoom.levelProperty().addListener((o, was, now) -> applyZoom());
        presenter.addListener((o, was, now) -> applyPresenter(now));
        highContrast.addListener((o, was, now) -> applyContrast());
    }

    public Zoom zoom() {
        return zoom;
    }

    public BooleanProperty presenterProperty() {
        return presenter;
    }

    /** View › High contrast: black on white, every text at 7:1 or better. */
    public BooleanProperty highContrastProperty() {
        return highContrast;
    }

    /** Gives {@code w} the zoom, the presenter layout and their View menu items. */
    public void attach(WindowHooks w) {
        this.window = w;
        MenuItem in = item("projectorZoomIn", "projector.zoomIn", ZOOM_IN, zoom::in);
        MenuItem out = item("projectorZoomOut", "projector.zoomOut", ZOOM_OUT, zoom::out);
        MenuItem reset = item("projectorZoomReset", "projector.zoomReset", ZOOM_RESET, zoom::reset);
        CheckMenuItem layout = new CheckMenuItem();
        layout.setId("projectorPresenter");
        layout.textProperty().bind(messages.text("projector.presenter"));
        layout.setAccelerator(PRESENTER);
        layout.selectedProperty().bindBidirectional(presenter);
        CheckMenuItem contrast = new CheckMenuItem();
        contrast.setId("projectorHighContrast");
        contrast.textProperty().bind(messages.text("projector.highContrast"));
        contrast.selectedProperty().bindBidirectional(highContrast);
        List<MenuItem> items = List.of(new SeparatorMenuItem(), in, out, reset, layout, contrast);
        w.offer(slot -> slot == WindowHooks.MenuSlot.VIEW ? items : List.of());
        w.root().sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) {
                ZOOM_IN_ALSO.forEach(k -> scene.getAccelerators().put(k, zoom::in));
                scene.getAccelerators().put(ZOOM_OUT_ALSO, zoom::out);
            }
        });
        applyZoom();
        applyContrast();
        if (presenter.get()) {
            applyPresenter(true);
        }
    }

    private MenuItem item(String id, String key, KeyCombination accelerator, Runnable action) {
        MenuItem i = new MenuItem();
        i.setId(id);
        i.textProperty().bind(Bindings.createStringBinding(
                () -> messages.get(key, zoom.percent()), messages.localeProperty(), zoom.levelProperty()));
        i.setAccelerator(accelerator);
        i.setOnAction(e -> action.run());
        return i;
    }

    private void applyZoom() {
        if (window == null) {
            return;
        }
        Parent root = window.root();
        double z = zoom.level();
        // at 100 % the stylesheets decide alone, exactly as without a projector
        root.setStyle(z == Zoom.MIN ? "" : String.format(java.util.Locale.ROOT, "-fx-font-size: %.2fpx;", BASE_FONT * z));
        window.hexView().setZoom(z);
    }

    private void applyContrast() {
        if (window == null) {
            return;
        }
        List<String> sheets = window.root().getStylesheets();
        sheets.remove(HIGH_CONTRAST_CSS);
        if (highContrast.get()) {
            sheets.add(HIGH_CONTRAST_CSS); // last, so it wins over the light and dark sheets
            window.hexView().setTheme(HexTheme.HIGH_CONTRAST);
        } else if (window.hexView().theme() == HexTheme.HIGH_CONTRAST) {
            boolean dark = sheets.stream().anyMatch(s -> s.endsWith("dark.css"));
            window.hexView().setTheme(dark ? HexTheme.DARK : HexTheme.LIGHT);
        }
    }

    private void applyPresenter(boolean on) {
        if (window == null) {
            return;
        }
        Workspace ws = window.workspace();
        Parent root = window.root();
        if (on) {
            if (!root.getStyleClass().contains("presenter")) {
                root.getStyleClass().add("presenter");
            }
            if (before.isEmpty()) {
                for (Panel p : Panel.values()) {
                    before.put(p, ws.shownProperty(p).get());
                }
            }
            ws.shownProperty(Panel.TREE).set(false);
            ws.shownProperty(Panel.BOTTOM).set(false);
            window.showLessons();
        } else {
            root.getStyleClass().remove("presenter");
            before.forEach((p, shown) -> ws.shownProperty(p).set(shown));
            before.clear();
        }
    }
}
