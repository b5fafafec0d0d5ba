package memscope.app.hex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RowViewportTest {
    private static final long BASE = 0x1000000L;
    private static final long END = (1L << 47) - 4096;

    @Test
    void wholeUserAddressSpaceHasExactRowCount() {
        RowViewport v = new RowViewport();
        v.reset(BASE, END);
        assertEquals((END - BASE) / 16, v.rowCount());
        v.setVisibleRows(30);
        v.setTop(Long.MAX_VALUE);
        assertEquals(v.rowCount() - 30, v.top());
        assertEquals(END - 30 * 16, v.topAddress());
    }

    @Test
    void scrollingNearTheTopOfHugeRangeMovesByExactRows() {
        RowViewport v = new RowViewport();
        v.reset(BASE, END);
        v.setVisibleRows(30);
        v.setTop(v.maxTop() - 5);
        long before = v.topAddress();
        v.scrollBy(1);
        assertEquals(before + 16, v.topAddress());
        v.scrollBy(100);
        assertEquals(v.maxTop(), v.top());
        v.scrollBy(Long.MAX_VALUE);
        assertEquals(v.maxTop(), v.top());
        v.scrollBy(Long.MIN_VALUE + 1);
        assertEquals(0, v.top());
    }

    @Test
    void unalignedStartShowsWholeAlignedRows() {
        RowViewport v = new RowViewport();
        v.reset(0x1005, 0x1021);
        assertEquals(3, v.rowCount());
        assertEquals(0x1000, v.rowAddress(0));
        assertEquals(2, v.rowOf(0x1020));
    }

    @Test
    void revealScrollsTheLeastNeeded() {
        RowViewport v = new RowViewport();
        v.reset(0, 16 * 1000);
        v.setVisibleRows(10);
        v.reveal(25);
        assertEquals(16, v.top());
        assertTrue(v.isVisible(25));
        v.reveal(20);
        assertEquals(16, v.top());
        v.reveal(3);
        assertEquals(3, v.top());
        assertFalse(v.isVisible(13));
    }

    @Test
    void emptySourceHasNoRows() {
        RowViewport v = new RowViewport();
        v.reset(0x1000, 0x1000);
        assertEquals(0, v.rowCount());
        assertEquals(0, v.maxTop());
    }
}
