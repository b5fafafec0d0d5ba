package memscope.app.hex;

import javafx.scene.canvas.Canvas;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

/**
 * Keyboard and mouse for a {@link HexView}. Keys: arrows move by a byte or a row, Page Up/Down by a page, Home/End
 * to the row's first/last byte, Ctrl+Home/End to the source's first/last byte; Shift with any of them extends the
 * selection; Tab switches between the hex and ASCII columns; Escape drops a selection (and is left alone
 * when there is none). Mouse: a click places the
 * caret (and picks the column), a drag selects, Shift+click extends, the wheel scrolls by rows.
 */
final class HexInput {
    private final HexView view;
    private final Canvas canvas;
    /** Wheel deltas smaller than a row add up here so slow trackpads still scroll. */
    private double wheelRows;

    HexInput(HexView view, Canvas canvas) {
        this.view = view;
        this.canvas = canvas;
    }

    void install() {
        view.addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);
        view.addEventHandler(KeyEvent.KEY_TYPED, this::keyTyped);
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::mousePressed);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::mouseDragged);
        view.addEventHandler(ScrollEvent.SCROLL, this::scrolled);
    }

    private void keyPressed(KeyEvent e) {
        boolean shift = e.isShiftDown();
        boolean ctrl = e.isShortcutDown() || e.isControlDown();
        long caret = view.cursor().caret();
        long rowStart = view.viewport().rowAddress(view.viewport().rowOf(caret));
        switch (e.getCode()) {
            case LEFT -> view.moveCaretBy(-1, shift);
            case RIGHT -> view.moveCaretBy(1, shift);
            case UP -> view.moveCaretBy(-RowViewport.ROW_BYTES, shift);
            case DOWN -> view.moveCaretBy(RowViewport.ROW_BYTES, shift);
            case PAGE_UP -> view.page(-1, shift);
            case PAGE_DOWN -> view.page(1, shift);
            case HOME -> view.moveCaret(ctrl ? Long.MIN_VALUE : rowStart, shift);
            case END -> view.moveCaret(ctrl ? Long.MAX_VALUE : rowStart + RowViewport.ROW_BYTES - 1, shift);
            case TAB -> view.setActiveColumn(view.getActiveColumn().other());
            case ESCAPE -> {
                if (view.selectionProperty().get().isEmpty()) {
                    return; // nothing to drop: leave Escape to dialogs and the window
                }
                view.moveCaret(caret, false);
            }
            default -> {
                return; // not ours: let it bubble (menu shortcuts, focus keys of the window)
            }
        }
        e.consume();
    }

    private void keyTyped(KeyEvent e) {
        String typed = e.getCharacter();
        if (typed == null || typed.isEmpty() || e.isControlDown() || e.isAltDown() || e.isMetaDown()
                || e.isShortcutDown()) {
            return;
        }
        for (char c : typed.toCharArray()) {
            if (view.getActiveColumn() == HexColumn.HEX) {
                view.typing().hexDigit(c);
            } else {
                view.typing().character(c);
            }
        }
        e.consume();
    }

    private void mousePressed(MouseEvent e) {
        view.requestFocus();
        if (e.getButton() != MouseButton.PRIMARY || !view.hasBytes()) {
            return;
        }
        HexColumn column = view.geometry().columnAt(e.getX());
        if (column != null) {
            view.setActiveColumn(column);
        }
        view.moveCaret(view.addressAt(e.getX(), e.getY()), e.isShiftDown());
        e.consume();
    }

    private void mouseDragged(MouseEvent e) {
        if (!e.isPrimaryButtonDown() || !view.hasBytes()) {
            return;
        }
        // a drag above or below the rows reaches the next row off screen, and revealing it scrolls
        view.moveCaret(view.addressAt(e.getX(), e.getY()), true);
        e.consume();
    }

    private void scrolled(ScrollEvent e) {
        double rows = switch (e.getTextDeltaYUnits()) {
            case LINES -> -e.getTextDeltaY();
            case PAGES -> -e.getTextDeltaY() * view.getVisibleRowCount();
            case NONE -> -e.getDeltaY() / view.geometry().rowHeight;
        };
        wheelRows += rows;
        long whole = (long) wheelRows;
        if (whole != 0) {
            wheelRows -= whole;
            view.scrollRows(whole);
        }
        e.consume();
    }
}
