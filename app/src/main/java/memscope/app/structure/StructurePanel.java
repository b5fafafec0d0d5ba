package memscope.app.structure;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.VBox;
import memscope.app.Messages;
import memscope.app.hex.HexView;
import memscope.app.text.HexFormat;
import memscope.model.structure.Field;
import memscope.model.structure.FieldGroup;
import memscope.model.structure.Structure;

/**
 * The Structure panel: the typed fields of the bytes the viewed process shows (for a loaded executable, its ELF
 * header, program and section headers), as a tree of groups and fields with name, address, type and value. It is
 * linked both ways to the hex view: choosing a field selects its bytes, and the caret on a byte highlights the
 * field that holds it. Any format that can describe itself as a {@link Structure} shows here; the panel knows
 * nothing of ELF.
 */
public final class StructurePanel {
    /** One row: a group's title, or a field. */
    public record Row(FieldGroup group, Field field) {
    }

    private final Messages messages;
    private final HexView hexView;
    private final LongFunction<Optional<Structure>> source;
    private final TreeTableView<Row> table = new TreeTableView<>();
    private final VBox box = new VBox(6);
    private final BooleanProperty shown = new SimpleBooleanProperty(true);
    private final BooleanProperty hasStructure = new SimpleBooleanProperty();
    /** The field rows, in structure order, for finding the field under the caret. */
    private final List<TreeItem<Row>> fieldItems = new ArrayList<>();
    private Structure structure;
    /** True while one side follows the other, so the follower's change does not echo back. */
    private boolean following;

    /**
     * @param source the structure of a process (by koid), if it has one
     */
    public StructurePanel(Messages messages, HexView hexView, LongFunction<Optional<Structure>> source) {
        this.messages = messages;
        this.hexView = hexView;
        this.source = source;
        Label title = new Label();
        title.getStyleClass().add("panel-title");
        title.textProperty().bind(Bindings.createStringBinding(() -> structure == null
                ? messages.get("structure.title") : messages.render(structure.title()),
                messages.localeProperty(), hasStructure));
        table.setId("structureTable");
        table.setShowRoot(false);
        table.setPrefHeight(320);
        table.setColumnResizePolicy(TreeTableView.UNCONSTRAINED_RESIZE_POLICY);
        table.getColumns().add(column("structure.column.name", 120, this::nameOf));
        table.getColumns().add(column("structure.column.address", 110, this::addressOf));
        table.getColumns().add(column("structure.column.type", 56, r -> r.field() == null ? "" : r.field().type()));
        table.getColumns().add(column("structure.column.value", 200, r -> r.field() == null ? "" : r.field().value()));
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> selectBytes(now));
        hexView.caretProperty().addListener((o, was, now) -> highlightField(now.longValue()));
        box.getChildren().addAll(title, table);
        box.setId("structurePanel");
        box.setPadding(new javafx.geometry.Insets(6));
        VBox.setVgrow(table, javafx.scene.layout.Priority.ALWAYS);
        box.visibleProperty().bind(available());
        box.managedProperty().bind(box.visibleProperty());
    }

    /** True while the panel is wanted and the viewed process has a structure to show. */
    public BooleanBinding available() {
        return shown.and(hasStructure);
    }

    public Node node() {
        return box;
    }

    /** Whether the person wants the panel (View › Structure panel); it shows only while there is a structure. */
    public BooleanProperty shownProperty() {
        return shown;
    }

    public TreeTableView<Row> table() {
        return table;
    }

    /** The structure shown, if any. */
    public Optional<Structure> structure() {
        return Optional.ofNullable(structure);
    }

    /** Shows the structure of the process with koid {@code koid} (none: the panel hides). */
    public void showProcess(long koid) {
        structure = source.apply(koid).orElse(null);
        fieldItems.clear();
        TreeItem<Row> root = new TreeItem<>();
        if (structure != null) {
            for (FieldGroup g : structure.groups()) {
                TreeItem<Row> group = new TreeItem<>(new Row(g, null));
                for (Field f : g.fields()) {
                    TreeItem<Row> item = new TreeItem<>(new Row(g, f));
                    group.getChildren().add(item);
                    fieldItems.add(item);
                }
                root.getChildren().add(group);
            }
            if (!root.getChildren().isEmpty()) {
                root.getChildren().get(0).setExpanded(true); // the file header: the first thing one looks for
            }
        }
        table.setRoot(root);
        hasStructure.set(structure != null);
        highlightField(hexView.caretProperty().get());
    }

    /** The field whose bytes hold {@code address} (fields that are nowhere in memory never match). */
    public Optional<Field> fieldAt(long address) {
        return itemAt(address).map(i -> i.getValue().field());
    }

    private Optional<TreeItem<Row>> itemAt(long address) {
        for (TreeItem<Row> item : fieldItems) {
            Field f = item.getValue().field();
            if (f.offset() >= 0 && f.contains(address)) {
                return Optional.of(item);
            }
        }
        return Optional.empty();
    }

    private void selectBytes(TreeItem<Row> item) {
        if (following || item == null || item.getValue().field() == null) {
            return;
        }
        Field f = item.getValue().field();
        if (f.offset() < 0) {
            return; // not in memory: there are no bytes to select
        }
        following = true;
        try {
            hexView.select(f.offset(), f.end());
        } finally {
            following = false;
        }
    }

    private void highlightField(long caret) {
        if (following) {
            return;
        }
        following = true;
        try {
            Optional<TreeItem<Row>> item = itemAt(caret);
            if (item.isEmpty()) {
                table.getSelectionModel().clearSelection();
                return;
            }
            item.get().getParent().setExpanded(true);
            table.getSelectionModel().select(item.get());
            int row = table.getRow(item.get());
            if (row >= 0) {
                table.scrollTo(Math.max(0, row - 2));
            }
        } finally {
            following = false;
        }
    }

    private String nameOf(Row r) {
        return r.field() == null ? messages.render(r.group().title()) : r.field().name();
    }

    private String addressOf(Row r) {
        if (r.field() == null) {
            return "";
        }
        return r.field().offset() < 0 ? messages.get("structure.notInMemory") : HexFormat.address(r.field().offset());
    }

    private TreeTableColumn<Row, String> column(String key, double width, java.util.function.Function<Row, String> text) {
        TreeTableColumn<Row, String> c = new TreeTableColumn<>();
        c.textProperty().bind(messages.text(key));
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(cell -> wordedValue(cell.getValue().getValue(), text));
        return c;
    }

    /** A cell's text, worded again when the language changes (group titles and "not in memory" are words). */
    private ObservableValue<String> wordedValue(Row row, java.util.function.Function<Row, String> text) {
        if (row == null) {
            return new ReadOnlyStringWrapper("");
        }
        return Bindings.createStringBinding(() -> text.apply(row), messages.localeProperty());
    }
}
