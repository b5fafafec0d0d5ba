package memscope.app.projector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import memscope.app.Wcag;
import memscope.app.hex.HexTheme;
import memscope.app.lesson.TeachingWindow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * View › High contrast: every text the real window shows reads at 7:1 or better against the opaque background
 * behind it (the walk of ThemeContrastTest, with the stricter bar), the hex view's colours too.
 */
@ExtendWith(ApplicationExtension.class)
class HighContrastTest {
    private static final double MINIMUM = 7.0;
    private TeachingWindow ui;

    @Start
    void start(Stage stage) throws Exception {
        ui = new TeachingWindow(stage, Locale.ENGLISH);
    }

    @Test
    void everyTextInTheWindowReadsAtSevenToOne(FxRobot robot) {
        robot.interact(() -> {
            ui.window().showConsole();
            ui.window().showLessons();
        });
        robot.clickOn("#lessonStart");
        robot.clickOn("#lessonNext");
        robot.clickOn("#lessonPerform"); // a check mark, a reveal and a status line to read too
        robot.interact(() -> ui.teaching.projector().highContrastProperty().set(true));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(HexTheme.HIGH_CONTRAST, ui.window().hexView().theme());
        Set<String> low = new TreeSet<>();
        robot.interact(() -> collect(ui.scene().getRoot(), low));
        assertTrue(low.isEmpty(), "texts below " + MINIMUM + ":1:\n" + String.join("\n", low));

        robot.interact(() -> ui.teaching.projector().highContrastProperty().set(false));
        assertEquals(HexTheme.LIGHT, ui.window().hexView().theme(), "back to the theme it replaced");
    }

    private static void collect(Node node, Set<String> low) {
        if (!node.isVisible() || node.getOpacity() == 0) {
            return;
        }
        if (node instanceof Text text && !text.getText().isBlank() && !node.isDisabled()
                && text.getFill() instanceof Color fill && fill.getOpacity() > 0) {
            Color back = backgroundFrom(node.getParent());
            if (back != null) {
                double ratio = Wcag.contrast(fill, back);
                if (ratio < MINIMUM) {
                    low.add(String.format("%.2f:1 '%s' %s on %s in %s", ratio, excerpt(text.getText()), fill, back,
                            where(node)));
                }
            }
        }
        // the mapping tree paints its rows' text (CanvasTree) in a row style's text fill, on that style's background
        if (node instanceof memscope.app.tree.CanvasTree tree) {
            for (memscope.app.tree.CanvasTree.RowLook row : tree.shownRows()) {
                if (!row.text().isBlank() && row.fill() instanceof Color fill && row.background() instanceof Color back
                        && Wcag.contrast(fill, back) < MINIMUM) {
                    low.add(String.format("%.2f:1 painted row '%s' %s on %s in %s", Wcag.contrast(fill, back),
                            excerpt(row.text()), fill, back, where(tree)));
                }
            }
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collect(child, low);
            }
        }
    }

    private static String excerpt(String s) {
        return s.length() > 30 ? s.substring(0, 30) + "…" : s;
    }

    private static String where(Node n) {
        List<String> path = new ArrayList<>();
        for (Node p = n; p != null && path.size() < 4; p = p.getParent()) {
            path.add(p.getId() != null ? "#" + p.getId() : p.getStyleClass().isEmpty() ? p.getClass().getSimpleName()
                    : "." + p.getStyleClass().get(0));
        }
        return String.join(" < ", path);
    }

    private static Color backgroundFrom(Node start) {
        for (Node n = start; n != null; n = n.getParent()) {
            if (n instanceof Region r && r.getBackground() != null) {
                List<BackgroundFill> fills = r.getBackground().getFills();
                for (int i = fills.size() - 1; i >= 0; i--) {
                    if (fills.get(i).getFill() instanceof Color c && c.getOpacity() > 0.95) {
                        return c;
                    }
                }
            }
        }
        return null;
    }
}
