package memscope.app.tree;

import java.util.List;
import java.util.function.Function;
import javafx.scene.control.TreeItem;
import memscope.app.Messages;
import memscope.app.document.Document;
import memscope.app.text.HexFormat;

/**
 * What each column of the mapping tree says about a row: range (or a process's or document's name), size,
 * permissions, VMO, offset, cache policy. The painted rows ({@link CanvasTree}) and the columns' cell values
 * ({@link TreeColumn#getCellData}) both read {@link #text}, so what is painted is what the columns hold.
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

    /** The tree's columns, titles from the bundle, in the order of {@link #text}. */
    List<TreeColumn> columns() {
        String[] keys = {"column.range", "column.size", "column.perms", "column.vmo", "column.offset",
            "column.cache"};
        double[] widths = {205, 70, 44, 175, 56, 120};
        List<TreeColumn> out = new java.util.ArrayList<>();
        for (int i = 0; i < keys.length; i++) {
            out.add(new TreeColumn(this, i, messages.text(keys[i]), widths[i]));
        }
        return List.copyOf(out);
    }

    /** Column {@code column}'s text for {@code item} as it is now (a group's current label, a file's mark). */
    String text(int column, TreeItem<MappingRow> item) {
        if (column == 0 && item instanceof DocumentItem d && d.document().kind() == Document.Kind.FILE) {
            return fileText(d.document());
        }
        MappingRow row = item instanceof GroupItem g ? g.label() : item.getValue();
        return row == null ? "" : texts.get(column).apply(row);
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
