package memscope.app.files;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import memscope.app.Messages;
import memscope.app.document.Documents;
import memscope.app.edit.Editor;
import memscope.app.hex.HexView;
import memscope.app.hooks.MenuHooks;
import memscope.app.kernel.KernelSession;
import memscope.app.status.StatusPane;
import memscope.model.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 14 (start-up): the find bar, hidden at start, is made after the first frame; its place takes no room
 * until then, and Edit › Find made before that shows the bar at once, focused.
 */
@ExtendWith(ApplicationExtension.class)
class FindBarAfterFirstFrameTest {
    private final Messages messages = new Messages(Locale.ENGLISH);
    private EditorTools shown;
    private boolean madeBeforeTheFirstFrame;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        BorderPane root = new BorderPane();
        shown = tools(root);
        root.setTop(shown.topBar());
        stage.setScene(new Scene(root, 600, 300));
        stage.show(); // no pulse has run yet
        madeBeforeTheFirstFrame = shown.findBarMade();
    }

    private EditorTools tools(BorderPane root) throws Exception {
        KernelSession session = new KernelSession(ScenarioLoader.loadDefault());
        Documents documents = new Documents(session);
        HexView hex = new HexView();
        root.setCenter(hex);
        Editor editor = new Editor(session, documents::editTarget, (cause, record, address, length) -> { });
        return new EditorTools(documents, hex, editor, new StatusPane(), root, messages, () -> stage);
    }

    @Test
    void theBarIsMadeAfterTheFirstFrameAndStaysHidden(FxRobot robot) throws Exception {
        assertFalse(madeBeforeTheFirstFrame);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, shown::findBarMade);
        WaitForAsyncUtils.waitForFxEvents();
        Node bar = robot.lookup("#findBar").query();
        assertSame(shown.findBar().node(), bar);
        assertFalse(shown.topBar().isVisible() || shown.topBar().isManaged(), "hidden and taking no room");
    }

    @Test
    void findBeforeTheBarExistsShowsItFocused(FxRobot robot) throws Exception {
        boolean[] madeEarly = new boolean[1];
        Stage[] other = new Stage[1];
        EditorTools[] early = new EditorTools[1];
        robot.interact(() -> {
            try {
                BorderPane root = new BorderPane();
                early[0] = tools(root);
                root.setTop(early[0].topBar());
                other[0] = new Stage();
                other[0].setScene(new Scene(root, 600, 300));
                other[0].show();
                madeEarly[0] = early[0].findBarMade();
                List<MenuItem> items = early[0].menuItems(MenuHooks.MenuSlot.EDIT);
                items.stream().filter(i -> "findMenu".equals(i.getId())).findFirst().orElseThrow().fire();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(madeEarly[0]);
        assertTrue(early[0].findBar().isShowing());
        assertTrue(early[0].topBar().isVisible() && early[0].topBar().isManaged());
        assertSame(robot.from(early[0].topBar()).lookup("#findField").queryAs(TextField.class),
                other[0].getScene().getFocusOwner());
        robot.interact(other[0]::close);
    }
}
