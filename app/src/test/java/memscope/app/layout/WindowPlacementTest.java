package memscope.app.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.layout.Pane;
import javafx.stage.Modality;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window manager's late answers of JDK-8316423, played by hand on a headless stage: after {@code show()} has
 * asked the window's bounds, GTK reports its default 200x200 (seen under openbox with {@code --load-elf}, also
 * while a modal progress dialog opens). The window goes back to the bounds asked, and they stay what is remembered.
 */
class WindowPlacementTest {
    private static final Rectangle2D ASKED = new Rectangle2D(0, 0, 1024, 700);
    private final FxRobot robot = new FxRobot();
    private Stage stage;
    private WindowPlacement placement;

    @BeforeEach
    void setUp() throws Exception {
        FxToolkit.registerPrimaryStage();
        robot.interact(() -> {
            stage = new Stage();
            stage.setScene(new Scene(new Pane()));
            placement = new WindowPlacement(stage);
        });
    }

    @AfterEach
    void tearDown() {
        robot.interact(() -> {
            placement.release();
            stage.hide();
        });
    }

    /** Shows the stage at {@link #ASKED}; {@code windowManager} runs after show() returned, as a late WM does. */
    private void showThen(Runnable windowManager) {
        robot.interact(() -> {
            stage.setOnShown(e -> Platform.runLater(windowManager));
            placement.show(Optional.of(new WindowState(ASKED, false)));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void gtkDefaultSize() {
        stage.setWidth(WindowPlacement.GTK_DEFAULT); // reported one side after the other, as glass does
        stage.setHeight(WindowPlacement.GTK_DEFAULT);
    }

    private void assertAtAskedBounds() {
        Rectangle2D now = new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
        assertEquals(ASKED, now, "the window is at the bounds asked");
        assertEquals(ASKED, placement.state().orElseThrow().bounds(), "and they are what the next run gets");
    }

    @Test
    void aLateDefaultSizeFromTheWindowManagerIsAskedAwayAndNotRemembered() {
        showThen(this::gtkDefaultSize);
        assertAtAskedBounds();
    }

    @Test
    void aModalDialogOpeningDuringTheDefaultSizeRestoresTheAskedBoundsNotThatMoment() {
        Alert[] dialog = new Alert[1];
        showThen(() -> {
            gtkDefaultSize();
            // the ELF load's progress dialog opens in the same moment, before any note of the sizes ran
            dialog[0] = new Alert(Alert.AlertType.NONE, "", ButtonType.CANCEL);
            dialog[0].initOwner(stage);
            dialog[0].initModality(Modality.WINDOW_MODAL);
            dialog[0].show();
            gtkDefaultSize(); // glass freezes the size while the dialog is up: asking again is not honoured
        });
        robot.interact(() -> dialog[0].close());
        WaitForAsyncUtils.waitForFxEvents();
        assertAtAskedBounds();
    }

    @Test
    void aSizeThePersonChoosesIsKept() {
        showThen(() -> {
            stage.setWidth(900);
            stage.setHeight(600);
        });
        assertEquals(new Rectangle2D(0, 0, 900, 600), placement.state().orElseThrow().bounds());
        assertEquals(900, stage.getWidth());
    }
}
