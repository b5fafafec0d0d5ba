package memscope.app.hex;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HexCursorTest {
    @Test
    void selectionRunsFromAnchorToCaretInclusive() {
        HexCursor c = new HexCursor();
        c.reset(0x100, 0x200);
        c.moveTo(0x105, false);
        assertEquals(AddressRange.empty(0x105), c.selection());
        c.moveTo(0x109, true);
        assertEquals(new AddressRange(0x105, 0x10a), c.selection());
        c.moveTo(0x103, true);
        assertEquals(new AddressRange(0x103, 0x106), c.selection());
        c.moveBy(1, false);
        assertEquals(AddressRange.empty(0x104), c.selection());
    }

    @Test
    void caretStaysInsideTheSourceWithoutWrapping() {
        HexCursor c = new HexCursor();
        c.reset(0x100, 0x200);
        c.moveBy(Long.MIN_VALUE, false);
        assertEquals(0x100, c.caret());
        c.moveBy(Long.MAX_VALUE, false);
        assertEquals(0x1ff, c.caret());
        c.moveTo(Long.MAX_VALUE, false);
        assertEquals(0x1ff, c.caret());
    }

    @Test
    void selectPutsCaretOnLastByte() {
        HexCursor c = new HexCursor();
        c.reset(0, 0x1000);
        c.select(0x10, 0x20);
        assertEquals(0x1f, c.caret());
        assertEquals(new AddressRange(0x10, 0x20), c.selection());
        c.select(0x30, 0x30);
        assertEquals(AddressRange.empty(0x30), c.selection());
    }
}
