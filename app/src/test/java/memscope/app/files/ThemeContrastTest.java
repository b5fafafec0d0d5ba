package memscope.app.files;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import memscope.app.testkit.Made;
import memscope.app.tree.CanvasTree;
import memscope.app.tree.MappingRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every text the real window shows is readable in both themes: WCAG's 4.5:1 between each visible text's colour and
 * the opaque background behind it, in every pane (menus, tree, hex view, log, console, lesson panel, status). The
 * check walks the live scene graph, so a pane that ignores the theme shows up as white-on-white or grey-on-grey.
 */
class ThemeContrastTest {
    private static final double MINIMUM = 4.5;
    private FileWindow w;

    @AfterEach
    void close() throws Exception {
        if (w != null) {
            w.close();
        }
    }

    @Test
    void everyTextIsReadableInTheLightTheme() throws Exception {
        w = FileWindow.launch();
        assertReadable("light");
    }

    @Test
    void everyTextIsReadableInTheDarkTheme() throws Exception {
        w = FileWindow.launch();
        w.fireMenu("darkThemeMenu");
        assertReadable("dark");
    }

    @Test
    void everyPaneFollowsTheDarkTheme() throws Exception {
        w = FileWindow.launch();
        w.fireMenu("darkThemeMenu");
        showTools();
        // the log's text area is made after the first frame: look at it, not at its placeholder's absence
        Made.node(w.robot, "#syscallLog", Node.class);
        List<String> light = new ArrayList<>();
        w.robot.interact(() -> {
            for (String id : List.of("#mappingTree", "#syscallLog", "#console", "#consoleTranscript", "#lessonPane",
                    "#simulationPanel", "#statusPane")) {
                Node pane = w.stage.getScene().getRoot().lookup(id);
                Color back = pane == null ? null
                        : backgroundWithin(pane) != null ? backgroundWithin(pane) : backgroundFrom(pane);
                if (back == null || memscope.app.Wcag.luminance(back) > 0.1) {
                    light.add(id + " on " + back);
                }
            }
        });
        assertTrue(light.isEmpty(), "panes still light in the dark theme: " + light);
    }

    private void showTools() {
        // show the tools a class would use, and select a tree row, then look away from it (unfocused selection)
        w.robot.interact(() -> {
            w.window().showConsole();
            w.window().showLessons();
            @SuppressWarnings("unchecked")
            CanvasTree tree = (CanvasTree) w.window().root().lookup("#mappingTree");
            tree.getSelectionModel().select(1);
            w.hex().requestFocus();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void assertReadable(String theme) {
        showTools();
        Set<String> low = new TreeSet<>();
        w.robot.interact(() -> collect(w.stage.getScene().getRoot(), low));
        assertTrue(low.isEmpty(), theme + " theme: texts below " + MINIMUM + ":1 against their background:\n"
                + String.join("\n", low));
    }

    private static void collect(Node node, Set<String> low) {
        if (!node.isVisible() || node.getOpacity() == 0) {
            return;
        }
        if (node instanceof Text text && !text.getText().isBlank() && !node.isDisabled()
                && text.getFill() instanceof Color fill && fill.getOpacity() > 0) {
            Color back = backgroundOf(node);
            if (back != null) {
                List<String> found = new ArrayList<>();
                check(found, describe(text), fill, back);
                low.addAll(found);
            }
        }
        // the mapping tree paints its rows' text (CanvasTree) in a row style's text fill, on that style's background
        if (node instanceof CanvasTree tree) {
            for (CanvasTree.RowLook row : tree.shownRows()) {
                if (row.text().isBlank() || !(row.fill() instanceof Color fill)
                        || !(row.background() instanceof Color back)) {
                    continue;
                }
                String shown = row.text();
                List<String> found = new ArrayList<>();
                check(found, "painted row \"" + (shown.length() > 24 ? shown.substring(0, 24) + "…" : shown) + "\""
                        + (row.selected() ? " selected" : ""), fill, back);
                low.addAll(found);
            }
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collect(child, low);
            }
        }
    }

    /** The colour of the nearest opaque background behind {@code node} (its topmost fill). */
    private static Color backgroundOf(Node node) {
        return node.getParent() == null ? null : backgroundFrom(node.getParent());
    }

    /** The first opaque background on {@code pane} or inside it (a control's skin often paints a child). */
    private static Color backgroundWithin(Node pane) {
        Color own = opaqueFill(pane);
        if (own != null) {
            return own;
        }
        if (pane instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                Color inner = backgroundWithin(child);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    private static Color opaqueFill(Node n) {
        if (n instanceof Region r && r.getBackground() != null) {
            List<BackgroundFill> fills = r.getBackground().getFills();
            for (int i = fills.size() - 1; i >= 0; i--) {
                if (fills.get(i).getFill() instanceof Color c && c.getOpacity() > 0.95) {
                    return c;
                }
            }
        }
        return null;
    }

    private static Color backgroundFrom(Node start) {
        for (Node n = start; n != null; n = n.getParent()) {
            Color c = opaqueFill(n);
            if (c != null) {
                return c;
            }
        }
        return null;
    }

    static void check(List<String> low, String what, Color text, Color back) {
        double ratio = memscope.app.Wcag.contrast(text, back);
        if (ratio < MINIMUM) {
            low.add(String.format("%.2f:1 %s (%s on %s)", ratio, what, text, back));
        }
    }

    private static String describe(Text text) {
        StringBuilder path = new StringBuilder();
        for (Node n = text; n != null && path.length() < 160; n = n.getParent()) {
            String id = n.getId() != null ? "#" + n.getId()
                    : n.getStyleClass().isEmpty() ? n.getClass().getSimpleName() : "." + n.getStyleClass().get(0);
            path.insert(0, id + " ");
        }
        String shown = text.getText().length() > 24 ? text.getText().substring(0, 24) + "…" : text.getText();
        return "\"" + shown + "\" in " + path.toString().trim();
    }
}
