package memscope.app.tree;

import javafx.scene.control.Skin;
import javafx.scene.control.TreeTableRow;

/**
 * A row of the mapping tree, painted in one piece by {@link PaintedRowSkin} rather than made of a cell per column.
 * Style classes name what the row is (vDSO, shared, dead, process, VMAR, open document) so the stylesheets can
 * colour it; only a class that changes is touched, since each edit of the list makes JavaFX match the row against
 * every stylesheet again.
 */
final class PaintedRow extends TreeTableRow<MappingRow> {
    private final MappingColumns columns;

    PaintedRow(MappingColumns columns) {
        this.columns = columns;
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new PaintedRowSkin(this, columns);
    }

    @Override
    protected void updateItem(MappingRow row, boolean empty) {
        super.updateItem(row, empty);
        boolean none = empty || row == null;
        mark("row-document", !none && getTreeItem() instanceof DocumentItem);
        mark("row-vdso", !none && row.vdso());
        mark("row-shared", !none && row.shared());
        mark("row-dead", !none && row.dead());
        mark("row-process", !none && row.kind() == MappingRow.Kind.PROCESS);
        mark("row-vmar", !none && row.kind() == MappingRow.Kind.VMAR);
        if (getSkin() instanceof PaintedRowSkin skin) {
            skin.repaint();
        }
    }

    private void mark(String styleClass, boolean on) {
        if (getStyleClass().contains(styleClass) != on) {
            if (on) {
                getStyleClass().add(styleClass);
            } else {
                getStyleClass().remove(styleClass);
            }
        }
    }
}
