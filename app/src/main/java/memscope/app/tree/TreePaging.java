package memscope.app.tree;

import javafx.scene.Node;
import javafx.scene.control.TreeTableView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.ScrollEvent;

/**
 * Page Up, Page Down, Home, End and the mouse wheel over the mapping tree, done by setting the view's position.
 * JavaFX's own handling scrolls through {@code VirtualFlow.scrollPixels}/{@code scrollToTop}, which walk the size of
 * every row above the view several times over before the layout walks them again; setting the position (what
 * dragging the scroll bar does) leaves only the layout's walks. With the fixed row height every row's place is a
 * multiplication, so the keys keep JavaFX's rules: Page Down selects the last row wholly shown, and when that is
 * already selected shows it at the top and selects the new last; Page Up the same upwards; Home and End the first and
 * the last row. Keys with a modifier, and a tree without a fixed row height, are left to JavaFX.
 */
final class TreePaging {
    /** A hair past a row's top edge: where the view starts shows that row whole, not a sliver of the one above. */
    private static final double EDGE = 1e-6;

    private final TreeTableView<MappingRow> table;

    private TreePaging(TreeTableView<MappingRow> table) {
        this.table = table;
    }

    static void install(TreeTableView<MappingRow> table) {
        TreePaging paging = new TreePaging(table);
        table.addEventFilter(KeyEvent.KEY_PRESSED, paging::key);
        table.addEventFilter(ScrollEvent.SCROLL, paging::wheel);
    }

    /** What the view shows now, in rows of the fixed height; null when the rows are not fixed or not laid out. */
    private record View(VirtualFlow<?> flow, double cell, double length, int count) {
        /** How far the view may scroll, in pixels. */
        double room() {
            return Math.max(0, count * cell - length);
        }

        double offset() {
            return flow.getPosition() * room();
        }

        int firstWhole(double offset) {
            return Math.min(count - 1, (int) Math.ceil(offset / cell - EDGE));
        }

        int lastWhole(double offset) {
            int last = (int) Math.floor((offset + length) / cell + EDGE) - 1;
            return Math.max(firstWhole(offset), Math.min(count - 1, last));
        }

        /** Moves the view so it starts {@code offset} pixels down (clamped), as a drag of the scroll bar does. */
        double moveTo(double offset) {
            double room = room();
            double to = Math.max(0, Math.min(room, offset));
            flow.setPosition(room == 0 ? 0 : Math.min(1, to / room));
            return to;
        }
    }

    /**
     * Shows row {@code row} of {@code table} at the top, as {@link VirtualFlow#scrollToTop(int)} does but without
     * its walk over the rows above (a map or unmap keeps the top row where it was with this).
     */
    static void showAtTop(TreeTableView<MappingRow> table, int row) {
        View v = view(table);
        if (v != null) {
            v.moveTo(row * v.cell() + EDGE);
        } else if (table.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            flow.scrollToTop(row);
        }
    }

    private View view() {
        return view(table);
    }

    /**
     * The view as the flow has it: its rows are the flow's count, which until the next layout is the count before
     * a change, and its position is relative to those.
     */
    private static View view(TreeTableView<MappingRow> table) {
        double cell = table.getFixedCellSize();
        if (cell <= 0 || !(table.lookup(".virtual-flow") instanceof VirtualFlow<?> flow)) {
            return null;
        }
        int count = flow.getCellCount();
        if (count <= 0) {
            return null;
        }
        // the viewport (the flow less its scroll bars) is the flow's clipped container
        Node clip = flow.lookup(".clipped-container");
        double length = clip == null ? 0 : clip.getLayoutBounds().getHeight();
        return length <= 0 ? null : new View(flow, cell, length, count);
    }

    private void key(KeyEvent e) {
        if (e.isShiftDown() || e.isControlDown() || e.isAltDown() || e.isMetaDown() || e.isShortcutDown()) {
            return;
        }
        switch (e.getCode()) {
            case PAGE_DOWN, PAGE_UP, HOME, END -> {
            }
            default -> {
                return;
            }
        }
        int selected = table.getSelectionModel().getSelectedIndex();
        boolean pageKey = e.getCode() == KeyCode.PAGE_DOWN || e.getCode() == KeyCode.PAGE_UP;
        View v = view();
        if (v == null || (pageKey && selected < 0)) {
            return; // with nothing selected JavaFX's pages do nothing, and so do these
        }
        double offset = v.offset();
        int target;
        switch (e.getCode()) {
            case PAGE_DOWN -> {
                target = v.lastWhole(offset);
                if (selected == target) {
                    // the last row shown is the one selected: it goes to the top, and the new last is selected
                    target = v.lastWhole(v.moveTo(target * v.cell() + EDGE));
                }
            }
            case PAGE_UP -> {
                target = v.firstWhole(offset);
                if (selected == target) {
                    target = v.firstWhole(v.moveTo((target + 1) * v.cell() - v.length() + EDGE));
                }
            }
            case HOME -> {
                target = 0;
                v.moveTo(0);
            }
            default -> {
                target = v.count() - 1;
                v.moveTo(v.room());
            }
        }
        table.getSelectionModel().clearAndSelect(target);
        table.getFocusModel().focus(target);
        e.consume();
    }

    /**
     * A turn of the wheel over the rows moves the view as far as JavaFX would (pixels, lines of one row, or pages),
     * without the walk over the rows above; one that moves it sideways stays JavaFX's.
     */
    private void wheel(ScrollEvent e) {
        if (e.getDeltaX() != 0 || e.isShiftDown()) {
            return;
        }
        View v = view();
        if (v == null || v.room() == 0 || !within(v.flow(), e.getTarget())) {
            return;
        }
        double delta = switch (e.getTextDeltaYUnits()) {
            case PAGES -> e.getTextDeltaY() * v.length();
            case LINES -> e.getTextDeltaY() * v.cell();
            default -> e.getDeltaY();
        };
        double from = v.offset();
        if (delta != 0 && v.moveTo(from - delta) != from) {
            e.consume(); // at the top or the bottom already: the event goes on to whatever holds the tree
        }
    }

    private static boolean within(Node flow, Object target) {
        for (Node n = target instanceof Node node ? node : null; n != null; n = n.getParent()) {
            if (n == flow) {
                return true;
            }
        }
        return false;
    }
}
