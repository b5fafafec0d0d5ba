package memscope.app.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.DialogPane;
import memscope.app.MainWindow;
import memscope.model.file.FileDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Files are read off the FX thread: a named pipe is refused with a clear message and the open file stays; a slow
 * read leaves the window responsive, shows progress with Cancel, and Cancel keeps what was open (the file that
 * arrives after Cancel is closed, never shown).
 */
class BackgroundReadTest {
    @TempDir
    Path dir;
    private FileWindow w;
    private Path fifo;
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void close() throws Exception {
        release.countDown();
        if (fifo != null) {
            Fifos.release(fifo);
        }
        if (w != null) {
            w.close();
        }
    }

    @Test
    void aNamedPipeIsRefusedNamingWhatItIsAndTheOpenFileStays() throws Exception {
        Path kept = Files.write(dir.resolve("kept.bin"), new byte[16]);
        fifo = Fifos.make(dir.resolve("pipe.bin"));
        w = FileWindow.launch("--open", kept.toString());
        MainWindow before = w.window();
        FileDocument doc = w.doc();
        String title = w.title();

        assertFalse(Reads.finish(w.robot, () -> w.app.files().open(fifo)));
        assertEquals("Cannot open " + fifo + ": " + fifo + " is a named pipe (FIFO), not a regular file", w.status());
        assertSame(before, w.window());
        assertSame(doc, w.doc());
        assertEquals(title, w.title());

        Path link = Files.createSymbolicLink(dir.resolve("link.bin"), fifo);
        assertFalse(Reads.finish(w.robot, () -> w.app.files().open(link, true)));
        assertEquals("Cannot open " + link + ": " + link + " is a named pipe (FIFO), not a regular file", w.status());

        assertFalse(Reads.finish(w.robot, () -> w.app.files().openSession(fifo)));
        assertEquals("Cannot open the session: " + fifo + " is a named pipe (FIFO), not a regular file", w.status());
        assertSame(before, w.window());
        assertSame(doc, w.doc());
    }

    @Test
    void aNamedPipeGivenAsAScenarioIsExplainedAndTheWindowKept() throws Exception {
        Path kept = Files.write(dir.resolve("kept.bin"), new byte[16]);
        fifo = Fifos.make(dir.resolve("pipe.json"));
        w = FileWindow.launch("--open", kept.toString());
        MainWindow before = w.window();
        assertFalse(Reads.finish(w.robot, () -> w.app.openScenarioFile(fifo)));
        DialogPane dialog = w.robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertEquals(fifo + ": is a named pipe (FIFO), not a regular file", dialog.getContentText());
        assertSame(before, w.window());
    }

    @Test
    void aSlowReadLeavesTheWindowResponsiveAndCancelKeepsTheOpenFile() throws Exception {
        Path kept = Files.write(dir.resolve("kept.bin"), new byte[16]);
        Path slow = Files.write(dir.resolve("slow.bin"), new byte[32]);
        w = FileWindow.launch("--open", kept.toString());
        MainWindow before = w.window();
        FileDocument doc = w.doc();
        AtomicReference<FileDocument> late = new AtomicReference<>();
        w.robot.interact(() -> w.app.files().useOpener((kernel, file, readOnly) -> {
            awaitUninterruptibly(release); // as a read stuck in the file system: an interrupt does not end it
            FileDocument d = FileDocument.open(kernel, file);
            late.set(d);
            return d;
        }));
        @SuppressWarnings("unchecked")
        CompletableFuture<Boolean>[] outcome = new CompletableFuture[1];
        w.robot.interact(() -> outcome[0] = w.app.files().open(slow));
        assertEquals("Reading slow.bin\u2026", w.status());

        // the FX thread is free: it runs other work at once and the progress window comes up
        // a read on the FX thread would hold it until the test releases the opener, after this: 10 s tells the two
        // apart and leaves a loaded machine's slow pulses room (2 s was tight)
        long start = System.nanoTime();
        w.robot.interact(() -> w.window().goTo("0x4"));
        assertTrue(System.nanoTime() - start < 10_000_000_000L, "the FX thread answered while the file was read");
        assertEquals(4, w.hex().caretProperty().get());
        w.waitUntil("the progress window", () -> w.robot.lookup("#cancelTask").tryQuery().isPresent());
        DialogPane progress = w.robot.lookup("#backgroundTask").queryAs(DialogPane.class);
        assertEquals("Reading slow.bin\u2026", progress.getHeaderText());
        assertFalse(outcome[0].isDone());

        w.robot.clickOn(w.robot.lookup("#cancelTask").queryButton());
        assertFalse(Reads.await(outcome[0]), "Cancel: nothing opened");
        assertEquals("Cancelled: slow.bin was not opened, and what was open is as it was", w.status());
        assertTrue(w.robot.lookup("#cancelTask").tryQuery().isEmpty(), "the progress window is gone");
        assertSame(before, w.window());
        assertSame(doc, w.doc());
        assertEquals("kept.bin \u2014 MemScope", w.title());

        release.countDown(); // the stuck read ends after all: its file is closed, not shown
        w.waitUntil("the late file", () -> late.get() != null);
        w.waitUntil("the late file closed", () -> late.get().kernel().inspector()
                .handle(late.get().processHandle()).isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(doc, w.doc());
        assertSame(before, w.window());

        w.robot.interact(() -> w.app.files().useOpener((kernel, file, readOnly) -> FileDocument.open(kernel, file)));
        assertTrue(Reads.finish(w.robot, () -> w.app.files().open(slow)), "a later open works");
        assertEquals(slow, w.doc().path());
    }

    @Test
    void aSecondReadWhileOneRunsIsRefusedAndTheFirstGoesOn() throws Exception {
        Path kept = Files.write(dir.resolve("kept.bin"), new byte[16]);
        Path slow = Files.write(dir.resolve("slow.bin"), new byte[32]);
        w = FileWindow.launch("--open", kept.toString());
        w.robot.interact(() -> w.app.files().useOpener((kernel, file, readOnly) -> {
            awaitUninterruptibly(release);
            return FileDocument.open(kernel, file);
        }));
        @SuppressWarnings("unchecked")
        CompletableFuture<Boolean>[] first = new CompletableFuture[1];
        w.robot.interact(() -> first[0] = w.app.files().open(slow));
        Path other = Files.write(dir.resolve("other.bin"), new byte[8]); // not open yet: it needs a read
        assertFalse(Reads.finish(w.robot, () -> w.app.files().open(other)));
        assertEquals("Another file is still being read: wait for it, or cancel it", w.status());
        release.countDown();
        assertTrue(Reads.await(first[0]));
        assertEquals(slow, w.doc().path());
    }

    @Test
    void editsMadeWhileAFileIsReadStayInTheirOwnTabBesideTheNewFile() throws Exception {
        Path kept = Files.write(dir.resolve("kept.bin"), new byte[16]);
        Path slow = Files.write(dir.resolve("slow.bin"), new byte[32]);
        w = FileWindow.launch("--open", kept.toString());
        FileDocument doc = w.doc();
        w.robot.interact(() -> w.app.files().useOpener((kernel, file, readOnly) -> {
            awaitUninterruptibly(release);
            return FileDocument.open(kernel, file);
        }));
        @SuppressWarnings("unchecked")
        CompletableFuture<Boolean>[] outcome = new CompletableFuture[1];
        w.robot.interact(() -> outcome[0] = w.app.files().open(slow));
        w.robot.interact(() -> doc.kernel().writeMemory(doc.editHandle(), doc.baseAddress(), new byte[] {7}, 1));
        release.countDown();
        assertTrue(Reads.await(outcome[0]));
        // opening a file replaces nothing: the edited file is still open, with its edit, beside the new one
        assertEquals(java.util.List.of(doc, w.doc()), w.app.files().openFiles());
        assertEquals(slow, w.doc().path());
        assertTrue(doc.isDirty(), "the edit made while reading is kept");
        assertSame(doc.kernel(), w.doc().kernel(), "one kernel holds both files");
    }

    @Test
    void aStrayTempFileOfAKilledSaveIsRemovedOnOpenAndSaid() throws Exception {
        Path f = Files.write(dir.resolve("data.bin"), new byte[16]);
        Path stray = Files.createTempFile(dir, ".data.bin.", ".memscope-save");
        Files.setLastModifiedTime(stray, java.nio.file.attribute.FileTime.fromMillis(
                System.currentTimeMillis() - 60_000));
        w = FileWindow.launch("--open", f.toString());
        assertFalse(Files.exists(stray));
        assertEquals("Opened data.bin (16 bytes); removed " + stray.getFileName()
                + ", left by a save that was interrupted", w.status());
    }

    /** Waits like a call stuck in the kernel: an interrupt (Cancel sends one) is swallowed, not obeyed. */
    private static void awaitUninterruptibly(CountDownLatch latch) {
        while (true) {
            try {
                latch.await();
                return;
            } catch (InterruptedException e) {
                // the flag is clear again, so the open that follows runs as it would after a slow syscall
            }
        }
    }
}
