package memscope.app.hex;

import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;

/** Puts a {@link HexView} in a window and finds the screen position of any visible byte. */
final class HexViewFixture {
    static final double WIDTH = 820;
    static final double HEIGHT = 420;

    /** Built in {@link #start}, on the FX thread, once the toolkit runs. */
    HexView view;

    void start(Stage stage) {
        view = new HexView();
        view.setId("hexView");
        stage.setScene(new Scene(new StackPane(view), WIDTH, HEIGHT));
        stage.sizeToScene(); // the stage is shared between tests; one may have resized it
        stage.show();
    }

    /** Shows {@code source} (which also takes the edits when it is an EditHandler) and paints it. */
    void show(FxRobot robot, ByteSource source, EditHandler edits) {
        robot.interact(() -> {
            view.setSource(source);
            view.editHandlerProperty().set(edits);
            view.layout();
        });
    }

    /** Centre of the cell for {@code address} in {@code column}, in screen coordinates. */
    Point2D cell(long address, HexColumn column) {
        HexGeometry g = view.geometry();
        RowViewport v = view.viewport();
        long row = v.rowOf(address);
        int index = (int) (address - v.rowAddress(row));
        double x = g.cellX(column, index) + g.cellWidth(column) / 2;
        double y = g.rowHeight * (row - v.top() + 1) + g.rowHeight / 2;
        return view.localToScreen(x, y);
    }

    /** Repaints now and says what the hex column shows at {@code address}. */
    String shownAfterRefresh(FxRobot robot, long address) {
        robot.interact(() -> {
            view.refresh();
            view.layout();
        });
        return view.shownHex(address);
    }
}
