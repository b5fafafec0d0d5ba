package memscope.app.inspector;

import java.nio.ByteOrder;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import memscope.app.Messages;
import memscope.app.hex.ByteSource;
import memscope.app.hex.HexView;

/**
 * The data inspector: the bytes at the caret decoded as integers of every width (signed and unsigned), floats,
 * a UTF-8 character and binary, in the chosen byte order. It follows the caret, and {@link #update()} re-reads
 * after memory changed. Only bytes the hex view shows count (an open file's end is the end).
 */
public final class InspectorPanel {
    private static final int WIDEST = 8;

    private final HexView hexView;
    private final Supplier<Optional<ByteSource>> reader;
    private final VBox box = new VBox(6);
    private final GridPane grid = new GridPane();
    private final ToggleGroup order = new ToggleGroup();
    private final RadioButton little = new RadioButton("LE");
    private final RadioButton big = new RadioButton("BE");
    private final Label where = new Label();

    /** {@code reader} reads the current document (empty when none is shown). */
    public InspectorPanel(Messages messages, HexView hexView, Supplier<Optional<ByteSource>> reader) {
        this.hexView = hexView;
        this.reader = reader;
        Label title = new Label();
        title.textProperty().bind(messages.text("inspector.title"));
        title.getStyleClass().add("panel-title");
        little.setId("inspectorLittleEndian");
        big.setId("inspectorBigEndian");
        little.setToggleGroup(order);
        big.setToggleGroup(order);
        little.setSelected(true);
        order.selectedToggleProperty().addListener((o, a, b) -> update());
        grid.setId("inspectorGrid");
        grid.setHgap(10);
        grid.setVgap(2);
        where.getStyleClass().add("inspector-where");
        box.setId("inspector");
        box.getStyleClass().addAll("inspector-panel", "simulation-panel");
        box.getChildren().addAll(title, new HBox(10, little, big, where), grid);
        hexView.caretProperty().addListener((o, a, b) -> update());
        update();
    }

    public Node node() {
        return box;
    }

    public ByteOrder byteOrder() {
        return big.isSelected() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    }

    public void setByteOrder(ByteOrder o) {
        (o == ByteOrder.BIG_ENDIAN ? big : little).setSelected(true);
    }

    /** The value shown for a row label ("int32 LE"), or null if there is no such row. */
    public String value(String label) {
        for (Node n : grid.getChildren()) {
            if (n instanceof Label l && label.equals(l.getUserData())) {
                return l.getText();
            }
        }
        return null;
    }

    /** Re-reads the bytes at the caret and redraws the rows. */
    public void update() {
        long caret = hexView.caretProperty().get();
        ByteSource source = hexView.getSource();
        byte[] bytes = new byte[WIDEST];
        int available = 0;
        Optional<ByteSource> r = reader.get();
        if (r.isPresent() && source != null && caret >= source.start() && caret < source.end()) {
            int shown = (int) Math.min(WIDEST, source.end() - caret);
            available = Math.max(0, Math.min(shown, r.get().read(caret, bytes, shown)));
        }
        where.setText(String.format("@ 0x%x", caret));
        show(DataInspector.rows(bytes, 0, available, byteOrder()));
    }

    private void show(List<DataInspector.Row> rows) {
        grid.getChildren().clear();
        for (int i = 0; i < rows.size(); i++) {
            DataInspector.Row row = rows.get(i);
            Label name = new Label(row.label());
            name.getStyleClass().add("inspector-label");
            name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // "float64 LE" stays whole
            Label value = new Label(row.value());
            value.setUserData(row.label());
            value.getStyleClass().add("inspector-value");
            grid.addRow(i, name, value);
        }
    }
}
