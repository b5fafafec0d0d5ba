package memscope.app.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;
import memscope.app.Messages;
import memscope.app.lesson.TeachingWindow;
import memscope.model.scenario.ScenarioLoader;
import memscope.model.script.ConsoleSession;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 14 (start-up): the console's editor and transcript are made after the first frame, in place of two empty
 * panes; whatever needs them sooner (a transcript line, a click, focus) makes them at once, so nothing is lost.
 */
@ExtendWith(ApplicationExtension.class)
class ConsoleAfterFirstFrameTest {
    private TeachingWindow ui;
    private boolean madeBeforeTheFirstFrame;

    @Start
    void start(Stage stage) throws Exception {
        ui = new TeachingWindow(stage, Locale.ENGLISH); // built and shown; no pulse has run yet
        madeBeforeTheFirstFrame = ui.teaching.console().editorMade();
    }

    @Test
    void theEditorIsMadeAfterTheFirstFrameWithoutAsking(FxRobot robot) throws Exception {
        assertFalse(madeBeforeTheFirstFrame);
        ConsolePane console = ui.teaching.console();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, console::editorMade);
        Node slot = robot.lookup("#consoleEditorSlot").query();
        assertSame(console.area(), robot.from(slot).lookup("#console").queryAs(CodeArea.class));
        assertNotNull(robot.lookup("#consoleTranscriptSlot #consoleTranscript").query());
    }

    @Test
    void aLineWrittenBeforeTheEditorExistsIsInTheTranscript(FxRobot robot) throws Exception {
        Messages messages = new Messages(Locale.ENGLISH);
        ConsolePane[] made = new ConsolePane[1];
        robot.interact(() -> {
            made[0] = new ConsolePane(messages); // in no scene: no first frame makes its editor
            assertFalse(made[0].editorMade());
            try {
                made[0].attach(ConsoleSession.forScenario(ScenarioLoader.loadDefault()), (t, o) -> { });
                made[0].attach(ConsoleSession.forScenario(ScenarioLoader.loadDefault()), (t, o) -> { });
            } catch (memscope.model.scenario.ScenarioException e) {
                throw new AssertionError(e);
            }
        });
        assertTrue(made[0].editorMade());
        String said = messages.get("console.attached");
        assertTrue(made[0].transcriptText().contains(said), made[0].transcriptText());
    }

    @Test
    void aClickOnThePlaceholderMakesTheEditorAndFocusesIt(FxRobot robot) {
        Messages messages = new Messages(Locale.ENGLISH);
        ConsolePane[] made = new ConsolePane[1];
        Stage[] stage = new Stage[1];
        javafx.scene.paint.Paint[] fill = new javafx.scene.paint.Paint[1];
        robot.interact(() -> {
            made[0] = new ConsolePane(messages);
            stage[0] = new Stage();
            stage[0].setScene(new Scene((javafx.scene.Parent) made[0].node(), 400, 300));
            stage[0].show();
            Node placeholder = ((javafx.scene.layout.StackPane) made[0].node().lookup("#consoleEditorSlot"))
                    .getChildren().get(0);
            // before any pulse, so before the first frame could make the editor
            Event.fireEvent(placeholder, new MouseEvent(MouseEvent.MOUSE_PRESSED, 5, 5, 5, 5, MouseButton.PRIMARY,
                    1, false, false, false, false, true, false, false, false, false, false, null));
            assertTrue(made[0].editorMade());
            ((javafx.scene.layout.Region) placeholder).applyCss();
            fill[0] = ((javafx.scene.layout.Region) placeholder).getBackground().getFills().get(0).getFill();
        });
        assertEquals(javafx.scene.paint.Color.WHITE, fill[0], "the placeholder has the text areas' white");
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(made[0].area(), stage[0].getScene().getFocusOwner());
        robot.interact(stage[0]::close);
    }
}
