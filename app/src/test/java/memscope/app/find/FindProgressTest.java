package memscope.app.find;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import memscope.app.Messages;
import memscope.app.find.Finder;
import memscope.app.hex.ByteSource;
import memscope.app.hex.CellKind;
import memscope.app.hex.HexView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A long Find shows how far it got and a Cancel, and the window keeps answering meanwhile. The memory it
 * searches hands out one 1 MiB chunk per permit the test gives, so the test decides how far the search gets.
 */
@ExtendWith(ApplicationExtension.class)
class FindProgressTest {
    private static final long BASE = 0x100_0000L;
    private static final int CHUNKS = 16;
    private static final long SIZE = (long) CHUNKS * Finder.DEFAULT_CHUNK;

    private final Semaphore permits = new Semaphore(0);
    private final AtomicInteger reads = new AtomicInteger();
    /** Set when the search's thread was interrupted in a read: inside a file read that closes the file's channel. */
    private final java.util.concurrent.atomic.AtomicBoolean interrupted =
            new java.util.concurrent.atomic.AtomicBoolean();
    private FindBar bar;

    @Start
    void start(Stage stage) {
        HexView view = new HexView();
        view.setSource(new ByteSource() {
            @Override
            public long start() {
                return BASE;
            }

            @Override
            public long end() {
                return BASE + SIZE;
            }

            @Override
            public void read(long address, byte[] data, CellKind[] kinds, int length) {
                Arrays.fill(data, 0, length, (byte) 0);
                Arrays.fill(kinds, 0, length, CellKind.WRITABLE);
            }
        });
        ByteSource gated = new ByteSource() {
            @Override
            public long start() {
                return BASE;
            }

            @Override
            public long end() {
                return BASE + SIZE;
            }

            @Override
            public void read(long address, byte[] data, CellKind[] kinds, int length) {
                Arrays.fill(data, 0, length, (byte) 0);
                Arrays.fill(kinds, 0, length, CellKind.WRITABLE);
            }

            @Override
            public int read(long address, byte[] dst, int length) {
                reads.incrementAndGet();
                try {
                    if (!permits.tryAcquire(20, TimeUnit.SECONDS)) {
                        return 0;
                    }
                } catch (InterruptedException e) {
                    interrupted.set(true);
                    Thread.currentThread().interrupt();
                    return 0;
                }
                Arrays.fill(dst, 0, length, (byte) 0);
                return length;
            }

            @Override
            public java.util.List<memscope.app.hex.AddressRange> readableRanges(long start, long end) {
                return java.util.List.of(new memscope.app.hex.AddressRange(BASE, BASE + SIZE));
            }
        };
        bar = new FindBar(new Messages(Locale.ENGLISH), view, () -> Optional.of(new Finder(gated)));
        stage.setScene(new Scene(new BorderPane(view, bar.node(), null, null, null), 900, 500));
        stage.show();
    }

    @Test
    void aLongFindShowsProgressAndCancelStopsIt(FxRobot robot) throws Exception {
        robot.interact(() -> {
            bar.show();
            robot.lookup("#findField").queryAs(TextField.class).setText("AA BB");
        });
        assertFalse(robot.lookup("#findCancel").query().isVisible(), "no Cancel before a search");
        robot.interact(bar::findNext);
        permits.release(4);
        ProgressBar progress = robot.lookup("#findProgress").queryAs(ProgressBar.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> progress.getProgress() >= 4.0 / CHUNKS);
        assertTrue(progress.isVisible());
        assertTrue(progress.getProgress() < 1, "the search is still running: " + progress.getProgress());
        assertTrue(robot.lookup("#findCancel").query().isVisible());
        assertEquals("Searching for AA BB\u2026", bar.message());

        // the search waits for memory; the FX thread does not. A search on the FX thread would hold it for the
        // gate's 20 s; a loaded machine may take seconds for a pulse, so the bound is 10 s, not 2
        long t0 = System.nanoTime();
        WaitForAsyncUtils.asyncFx(() -> robot.lookup("#findField").queryAs(TextField.class).appendText(""))
                .get(10, TimeUnit.SECONDS);
        assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(10));

        robot.clickOn("#findCancel");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !bar.searchingProperty().get());
        assertEquals("Find cancelled: AA BB", bar.message());
        assertFalse(robot.lookup("#findCancel").query().isVisible());
        assertFalse(progress.isVisible());

        int readsAtCancel = reads.get();
        permits.release(CHUNKS); // the read it waits in returns; then it stops before reading more
        Thread.sleep(300);
        assertTrue(reads.get() <= readsAtCancel + 1, "a cancelled search stops reading: " + reads.get());
        assertFalse(interrupted.get(), "Cancel must not interrupt the search's thread in a read");
    }

    @Test
    void escapeCancelsARunningFindBeforeClosingTheBar(FxRobot robot) throws Exception {
        robot.interact(() -> {
            bar.show();
            robot.lookup("#findField").queryAs(TextField.class).setText("CC");
        });
        robot.interact(bar::findNext);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> bar.searchingProperty().get());
        robot.clickOn("#findField").type(javafx.scene.input.KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !bar.searchingProperty().get());
        assertEquals("Find cancelled: CC", bar.message());
        assertTrue(bar.isShowing(), "the first Esc only stops the search");
        permits.release(CHUNKS);
    }
}
