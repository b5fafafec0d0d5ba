package memscope.app.hex;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.control.ScrollBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.ScrollEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Drives the real control with mouse and keyboard over an in-memory source. */
@ExtendWith(ApplicationExtension.class)
class HexViewTest {
    private static final long BASE = 0x1000;
    private final HexViewFixture fx = new HexViewFixture();
    private FakeByteSource source;

    @Start
    void start(Stage stage) {
        fx.start(stage);
    }

    private void showWritable(FxRobot robot, long length) {
        source = new FakeByteSource(BASE, BASE + length).region(BASE, length, CellKind.WRITABLE);
        fx.show(robot, source, source);
    }

    @Test
    void clickPlacesCaretAndTakesFocus(FxRobot robot) {
        showWritable(robot, 0x1000);
        robot.clickOn(fx.cell(0x1023, HexColumn.HEX));
        assertEquals(0x1023, fx.view.caretProperty().get());
        assertTrue(fx.view.isFocused());
        assertEquals(HexColumn.HEX, fx.view.getActiveColumn());
    }

    @Test
    void hexDigitsWriteWholeBytesNibbleByNibble(FxRobot robot) {
        showWritable(robot, 0x1000);
        robot.clickOn(fx.cell(0x1012, HexColumn.HEX));
        robot.write("4");
        assertEquals(1, source.writes.size());
        assertEquals(0x1012, source.writes.get(0).address());
        assertArrayEquals(new byte[] {0x42}, source.writes.get(0).bytes(), "high nibble replaced, low kept");
        assertEquals(0x1012, fx.view.caretProperty().get(), "caret waits for the low nibble");
        robot.write("1");
        assertEquals(2, source.writes.size());
        assertArrayEquals(new byte[] {0x41}, source.writes.get(1).bytes());
        assertEquals(0x1013, fx.view.caretProperty().get());
        assertEquals("41", fx.shownAfterRefresh(robot, 0x1012));
    }

    @Test
    void refusedWriteKeepsTheCaretAndStartsTheByteOver(FxRobot robot) {
        showWritable(robot, 0x1000);
        source.refuseWrites = true;
        robot.clickOn(fx.cell(0x1005, HexColumn.HEX));
        robot.write("7");
        robot.write("8");
        assertEquals(2, source.writes.size());
        assertArrayEquals(new byte[] {0x75}, source.writes.get(0).bytes());
        assertArrayEquals(new byte[] {(byte) 0x85}, source.writes.get(1).bytes(), "second digit is a high nibble");
        assertEquals(0x1005, fx.view.caretProperty().get());
        assertEquals("05", fx.shownAfterRefresh(robot, 0x1005));
    }

    @Test
    void asciiColumnTypingWritesCharacters(FxRobot robot) {
        showWritable(robot, 0x1000);
        robot.clickOn(fx.cell(0x1040, HexColumn.ASCII));
        assertEquals(HexColumn.ASCII, fx.view.getActiveColumn());
        robot.write("Hi");
        assertEquals(2, source.writes.size());
        assertEquals(0x1040, source.writes.get(0).address());
        assertArrayEquals(new byte[] {'H'}, source.writes.get(0).bytes());
        assertEquals(0x1041, source.writes.get(1).address());
        assertArrayEquals(new byte[] {'i'}, source.writes.get(1).bytes());
        assertEquals(0x1042, fx.view.caretProperty().get());
        assertEquals("48", fx.shownAfterRefresh(robot, 0x1040));
    }

    @Test
    void tabSwitchesBetweenHexAndAscii(FxRobot robot) {
        showWritable(robot, 0x1000);
        robot.clickOn(fx.cell(0x1000, HexColumn.HEX));
        robot.type(KeyCode.TAB);
        assertEquals(HexColumn.ASCII, fx.view.getActiveColumn());
        assertTrue(fx.view.isFocused(), "Tab must not move focus away");
        robot.write("z");
        assertArrayEquals(new byte[] {'z'}, source.writes.get(0).bytes());
        robot.type(KeyCode.TAB);
        assertEquals(HexColumn.HEX, fx.view.getActiveColumn());
    }

    @Test
    void arrowsPagesAndHomeEndMoveTheCaret(FxRobot robot) {
        showWritable(robot, 0x10000);
        robot.clickOn(fx.cell(0x1000, HexColumn.HEX));
        robot.type(KeyCode.RIGHT);
        assertEquals(0x1001, fx.view.caretProperty().get());
        robot.type(KeyCode.DOWN);
        assertEquals(0x1011, fx.view.caretProperty().get());
        robot.type(KeyCode.LEFT).type(KeyCode.UP);
        assertEquals(0x1000, fx.view.caretProperty().get());
        robot.type(KeyCode.LEFT);
        assertEquals(0x1000, fx.view.caretProperty().get(), "caret stops at the source start");

        int page = fx.view.getVisibleRowCount();
        assertTrue(page > 5, "window shows a real page of rows, got " + page);
        robot.type(KeyCode.PAGE_DOWN);
        assertEquals(0x1000 + page * 16L, fx.view.caretProperty().get());
        assertEquals(0x1000 + page * 16L, fx.view.topAddressProperty().get());
        robot.type(KeyCode.PAGE_UP);
        assertEquals(0x1000, fx.view.caretProperty().get());
        assertEquals(0x1000, fx.view.topAddressProperty().get());

        robot.type(KeyCode.RIGHT, 5).type(KeyCode.END);
        assertEquals(0x100f, fx.view.caretProperty().get());
        robot.type(KeyCode.HOME);
        assertEquals(0x1000, fx.view.caretProperty().get());

        robot.press(KeyCode.CONTROL).type(KeyCode.END).release(KeyCode.CONTROL);
        assertEquals(0x10fff, fx.view.caretProperty().get());
        assertEquals(0x11000 - page * 16L, fx.view.topAddressProperty().get());
        robot.press(KeyCode.CONTROL).type(KeyCode.HOME).release(KeyCode.CONTROL);
        assertEquals(0x1000, fx.view.caretProperty().get());
        assertEquals(0x1000, fx.view.topAddressProperty().get());
    }

    @Test
    void shiftWithArrowsExtendsTheSelection(FxRobot robot) {
        showWritable(robot, 0x1000);
        robot.clickOn(fx.cell(0x1004, HexColumn.HEX));
        assertTrue(fx.view.selectionProperty().get().isEmpty());
        robot.press(KeyCode.SHIFT).type(KeyCode.RIGHT, 3).release(KeyCode.SHIFT);
        assertEquals(new AddressRange(0x1004, 0x1008), fx.view.selectionProperty().get());
        robot.press(KeyCode.SHIFT).type(KeyCode.DOWN).release(KeyCode.SHIFT);
        assertEquals(new AddressRange(0x1004, 0x1018), fx.view.selectionProperty().get());
        robot.type(KeyCode.RIGHT);
        assertEquals(AddressRange.empty(0x1018), fx.view.selectionProperty().get(), "plain arrow drops it");
    }

    @Test
    void dragSelectsAndShiftClickExtends(FxRobot robot) {
        showWritable(robot, 0x1000);
        robot.drag(fx.cell(0x1002, HexColumn.HEX)).dropTo(fx.cell(0x1025, HexColumn.HEX));
        assertEquals(new AddressRange(0x1002, 0x1026), fx.view.selectionProperty().get());
        robot.press(KeyCode.SHIFT).clickOn(fx.cell(0x1030, HexColumn.ASCII)).release(KeyCode.SHIFT);
        assertEquals(new AddressRange(0x1002, 0x1031), fx.view.selectionProperty().get());
        assertEquals(0x1030, fx.view.caretProperty().get());
    }

    @Test
    void unmappedBytesShowDotsAndTypingThereStillAsksTheKernel(FxRobot robot) {
        source = new FakeByteSource(BASE, BASE + 0x100)
                .region(BASE, 0x20, CellKind.WRITABLE)
                .region(BASE + 0x40, 0x20, CellKind.READ_ONLY)
                .region(BASE + 0x60, 0x10, CellKind.UNREADABLE);
        source.refuseWrites = true; // as the kernel refuses an unmapped address
        fx.show(robot, source, source);
        assertEquals("..", fx.view.shownHex(0x1030));
        assertEquals("??", fx.view.shownHex(0x1060));
        assertEquals("41", fx.view.shownHex(0x1041));
        robot.clickOn(fx.cell(0x1030, HexColumn.HEX));
        robot.write("a");
        robot.type(KeyCode.TAB);
        robot.write("x");
        // the view decides nothing itself: both keystrokes reach the kernel, which refuses them
        assertEquals(2, source.writes.size(), "every keystroke is a write: " + source.writes);
        assertEquals(0x1030, source.writes.get(0).address());
        assertEquals(0xa0, source.writes.get(0).bytes()[0] & 0xff);
        assertEquals('x', source.writes.get(1).bytes()[0]);
        assertEquals(0x1030, fx.view.caretProperty().get(), "a refused byte keeps the caret");
    }

    @Test
    void goToScrollsTheAddressIntoView(FxRobot robot) {
        showWritable(robot, 0x100000);
        robot.interact(() -> fx.view.goTo(0x80123));
        long top = fx.view.topAddressProperty().get();
        int rows = fx.view.getVisibleRowCount();
        assertTrue(top <= 0x80123 && 0x80123 < top + rows * 16L, "top 0x" + Long.toHexString(top));
        assertEquals(0x80123, fx.view.caretProperty().get());
        assertEquals("23", fx.shownAfterRefresh(robot, 0x80123));
        robot.interact(() -> fx.view.goTo(0x80133));
        assertEquals(top, fx.view.topAddressProperty().get(), "a visible address does not scroll");
    }

    @Test
    void wholeUserAddressSpaceScrollsToTheLastRow(FxRobot robot) {
        long start = 0x1000000L;
        long end = (1L << 47) - 4096;
        source = new FakeByteSource(start, end).region(start, end - start, CellKind.WRITABLE);
        fx.show(robot, source, source);
        robot.clickOn(fx.cell(start, HexColumn.HEX));
        robot.press(KeyCode.CONTROL).type(KeyCode.END).release(KeyCode.CONTROL);
        int rows = fx.view.getVisibleRowCount();
        assertEquals(end - 1, fx.view.caretProperty().get());
        assertEquals(end - rows * 16L, fx.view.topAddressProperty().get());
        assertEquals("ff", fx.shownAfterRefresh(robot, end - 1));
        robot.type(KeyCode.UP);
        assertEquals(end - 17, fx.view.caretProperty().get());
        robot.type(KeyCode.PAGE_UP);
        assertEquals(end - 2L * rows * 16, fx.view.topAddressProperty().get(), "exact rows near 2^47");
        assertEquals(end - 17 - rows * 16L, fx.view.caretProperty().get());
        long top = fx.view.topAddressProperty().get();
        robot.interact(() -> fx.view.fireEvent(wheel(-3)));
        assertEquals(top + 3 * 16, fx.view.topAddressProperty().get(), "one notch down = three exact rows");
        robot.interact(() -> fx.view.fireEvent(wheel(3)));
        assertEquals(top, fx.view.topAddressProperty().get());
    }

    @Test
    void scrollBarCoversTheWholeAddressSpaceInExactRows(FxRobot robot) {
        long start = 0x1000000L;
        long end = (1L << 47) - 4096;
        source = new FakeByteSource(start, end).region(start, end - start, CellKind.WRITABLE);
        fx.show(robot, source, source);
        ScrollBar bar = (ScrollBar) fx.view.lookup(".scroll-bar");
        long rows = (end - start) / 16;
        assertEquals(rows - fx.view.getVisibleRowCount(), (long) bar.getMax());
        robot.interact(() -> bar.setValue(1L << 42));
        assertEquals(start + (1L << 46), fx.view.topAddressProperty().get());
        robot.interact(() -> bar.setValue((1L << 42) + 1));
        assertEquals(start + (1L << 46) + 16, fx.view.topAddressProperty().get(), "one row, even at 2^42");
        assertEquals(String.format("%02x", (start + (1L << 46) + 16) & 0xff),
                fx.shownAfterRefresh(robot, start + (1L << 46) + 16));
        robot.interact(() -> fx.view.goTo(end - 1));
        assertEquals(bar.getMax(), bar.getValue(), "keyboard and goTo move the bar too");
    }

    /** A mouse-wheel notch as desktop platforms report it: negative lines scroll the content down. */
    private static ScrollEvent wheel(double lines) {
        return new ScrollEvent(ScrollEvent.SCROLL, 10, 40, 10, 40, false, false, false, false, false, false,
                0, lines * 40, 0, lines * 40, ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                ScrollEvent.VerticalTextScrollUnits.LINES, lines, 0, null);
    }

    @Test
    void eachRepaintReadsTheVisibleBlockOnce(FxRobot robot) {
        showWritable(robot, 0x100000);
        int before = source.reads;
        robot.interact(() -> {
            fx.view.refresh();
            fx.view.markChanged(0x1010, 4);
            fx.view.layout();
        });
        assertEquals(before + 1, source.reads);
        int rowsOnScreen = fx.view.getVisibleRowCount() + 1;
        assertTrue(source.lastReadLength <= rowsOnScreen * 16, "read " + source.lastReadLength + " bytes");
        assertEquals(new AddressRange(0x1000, 0x1000 + source.lastReadLength), fx.view.shownRange());

        robot.interact(() -> {
            fx.view.goTo(0x1020);
            fx.view.flash(0x1000, 8);
            fx.view.layout();
        });
        assertEquals(before + 1, source.reads, "caret and flash repaints reuse the bytes already read");
        robot.interact(() -> {
            fx.view.goTo(0x9000);
            fx.view.layout();
        });
        assertEquals(before + 2, source.reads, "scrolling reads the new block");
    }

    @Test
    void shrinkingTheWindowKeepsTheCaretOnScreen(FxRobot robot) {
        showWritable(robot, 0x10000);
        int rows = fx.view.getVisibleRowCount();
        long lastVisibleRow = 0x1000 + (rows - 1) * 16L;
        robot.interact(() -> fx.view.goTo(lastVisibleRow + 3));
        assertEquals(0x1000, fx.view.topAddressProperty().get());
        robot.interact(() -> {
            fx.view.getScene().getWindow().setHeight(HexViewFixture.HEIGHT / 2);
            fx.view.getScene().getRoot().layout();
        });
        int fewer = fx.view.getVisibleRowCount();
        assertTrue(fewer < rows, fewer + " rows after shrinking, " + rows + " before");
        long top = fx.view.topAddressProperty().get();
        assertTrue(top <= lastVisibleRow && lastVisibleRow < top + fewer * 16L, "caret row still visible");
    }

    @Test
    void escapeDropsTheSelection(FxRobot robot) {
        showWritable(robot, 0x1000);
        robot.clickOn(fx.cell(0x1004, HexColumn.HEX));
        robot.press(KeyCode.SHIFT).type(KeyCode.RIGHT, 2).release(KeyCode.SHIFT);
        robot.type(KeyCode.ESCAPE);
        assertEquals(AddressRange.empty(0x1006), fx.view.selectionProperty().get());
    }

    @Test
    void invertedSourceIsRejectedAndTheShownOneKept(FxRobot robot) {
        showWritable(robot, 0x1000);
        FakeByteSource inverted = new FakeByteSource(0x2000, 0x1000);
        var error = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> fx.view.setSource(inverted));
        assertTrue(error.getMessage().contains("0x1000") && error.getMessage().contains("0x2000"),
                error.getMessage());
        assertEquals(source, fx.view.getSource());
    }

    @Test
    void editsWithoutAHandlerAreIgnored(FxRobot robot) {
        source = new FakeByteSource(BASE, BASE + 0x100).region(BASE, 0x100, CellKind.WRITABLE);
        fx.show(robot, source, null);
        robot.clickOn(fx.cell(0x1001, HexColumn.HEX));
        robot.write("ff");
        assertEquals(0x1001, fx.view.caretProperty().get());
        assertFalse(fx.view.typing().lowNibblePending());
    }
}
