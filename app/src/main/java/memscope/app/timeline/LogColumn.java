package memscope.app.timeline;

import javafx.scene.Node;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The syscall log, growing, and under it the bars tools place there (the timeline). */
public final class LogColumn extends VBox {
    public static final String ID = "logColumn";

    public LogColumn(Region log) {
        setId(ID);
        getChildren().add(log);
        VBox.setVgrow(log, Priority.ALWAYS);
    }

    public void placeUnder(Node bar) {
        getChildren().add(bar);
    }
}
