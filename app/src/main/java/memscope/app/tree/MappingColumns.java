package memscope.app.tree;

import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import memscope.app.Messages;
import memscope.app.document.Document;
import memscope.app.text.HexFormat;

/**
 * What each column of the mapping tree says about a row: range (or a process's or document's name), size,
 * permissions, VMO, offset, cache policy. The painted rows ({@link PaintedRowSkin}) and the columns' cell values
 * ({@link TreeTableColumn#getCellData}) both read {@link #text}, so what is painted is what the columns hold.
 */
final class MappingColumns {
    private final Messages messages;
    private final List<Function<MappingRow, String>> texts;

    MappingColumns(Messages messages) {
        this.messages = messages;
        this.texts = List.of(this::rangeText,
                r -> r.kind() == MappingRow.Kind.PROCESS ? "" : HexFormat.humanSize(r.size()),
                r -> r.kind() == MappingRow.Kind.MAPPING ? HexFormat.permissions(r.perms()) : "",
                this::vmoText,
                r -> r.kind() == MappingRow.Kind.MAPPING ? HexFormat.address(r.vmoOffset()) : "",
                r -> r.cachePolicy() == null ? "" : r.cachePolicy().name());
    }

    /** The table's columns, header words from the bundle, in the order of {@link #text}. */
    List<TreeTableColumn<MappingRow, String>> columns() {
        String[] keys = {"column.range", "column.size", "column.perms", "column.vmo", "column.offset",
            "column.cache"};
        double[] widths = {205, 70, 44, 175, 56, 120};
        TreeTableColumn<MappingRow, String>[] out = newArray(keys.length);
        for (int i = 0; i < keys.length; i++) {
            out[i] = column(i, keys[i], widths[i]);
        }
        return List.of(out);
    }

    @SuppressWarnings("unchecked")
    private static TreeTableColumn<MappingRow, String>[] newArray(int n) {
        return new TreeTableColumn[n];
    }

    /** Column {@code column}'s text for {@code item} as it is now (a group's current label, a file's mark). */
    String text(int column, TreeItem<MappingRow> item) {
        if (column == 0 && item instanceof DocumentItem d && d.document().kind() == Document.Kind.FILE) {
            return fileText(d.document());
        }
        MappingRow row = item instanceof GroupItem g ? g.label() : item.getValue();
        return row == null ? "" : texts.get(column).apply(row);
    }

    private TreeTableColumn<MappingRow, String> column(int index, String key, double width) {
        TreeTableColumn<MappingRow, String> c = new TreeTableColumn<>();
        c.textProperty().bind(messages.text(key));
        c.setPrefWidth(width);
        c.setMinWidth(Math.min(width, 44));
        c.setSortable(false);
        c.setUserData(index); // which text a painted row shows under it, wherever it is moved
        c.setCellValueFactory(f -> {
            TreeItem<MappingRow> item = f.getValue();
            if (item instanceof GroupItem g) {
                // follows the group's contents without a value change (see GroupItem)
                return Bindings.createStringBinding(() -> text(index, g), g.labelProperty());
            }
            if (item instanceof DocumentItem d && index == 0) {
                return Bindings.createStringBinding(() -> text(index, d), d.document().dirtyProperty(),
                        messages.localeProperty());
            }
            return new ReadOnlyStringWrapper(text(index, item));
        });
        return c;
    }

    private String rangeText(MappingRow r) {
        return switch (r.kind()) {
            case PROCESS -> messages.get(r.dead() ? "tree.process.dead" : "tree.process", r.name(),
                    String.valueOf(r.processKoid()));
            case VMAR -> HexFormat.address(r.base()) + "\u2013" + HexFormat.address(r.end()) + "  " + r.name();
            case MAPPING -> HexFormat.address(r.base()) + "\u2013" + HexFormat.address(r.end());
            case GROUP -> HexFormat.address(r.base()) + "\u2013" + HexFormat.address(r.end()) + "  "
                    + messages.get("tree.group", String.valueOf(r.count()));
        };
    }

    /** An open file's node: the file's name, marked while it has unsaved changes, and its process. */
    private String fileText(Document doc) {
        return messages.get(doc.isDirty() ? "tree.document.file.unsaved" : "tree.document.file", doc.name(),
                String.valueOf(doc.processKoid()));
    }

    private String vmoText(MappingRow r) {
        if (r.kind() != MappingRow.Kind.MAPPING) {
            return "";
        }
        String tags = (r.vdso() ? " [" + messages.get("tree.tag.vdso") + "]" : "")
                + (r.shared() ? " [" + messages.get("tree.tag.shared") + "]" : "");
        return r.vmoName() + " (" + r.vmoKoid() + ")" + tags;
    }
}
