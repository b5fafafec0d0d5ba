package memscope.app.elf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import memscope.model.Kernel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What the window does with a file it refuses: the status pane names the file, the field and the problem in the
 * language chosen, and the window keeps what it showed. An unsaved file is asked about before an executable
 * replaces it, and Cancel keeps it.
 */
class ElfRefusalTest {
    @TempDir
    Path dir;
    private ElfWindow w;

    @BeforeEach
    void launch() throws Exception {
        w = ElfWindow.launch();
    }

    @AfterEach
    void close() throws Exception {
        if (w != null) {
            w.close();
        }
    }

    /** An ELF identification of class 1 (32-bit), little-endian, version 1, padded to a header's length. */
    private Path elf32() throws Exception {
        ByteBuffer b = ByteBuffer.allocate(52).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {0x7f, 'E', 'L', 'F', 1, 1, 1});
        return Files.write(dir.resolve("old32"), b.array());
    }

    @Test
    void aNonElfFileIsRefusedNamingItInBothLanguagesAndTheDemoStays() throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.txt"), "just some words, not an executable");
        Kernel shown = w.window().session().kernel();
        assertFalse(w.finish(() -> w.elves().loadExecutable(notes)));
        assertTrue(w.status().startsWith("Refused to load the executable: " + notes + ": "), w.status());
        assertTrue(w.status().contains("not an ELF file"), w.status());
        assertSame(shown, w.window().session().kernel(), "the window still shows what it showed");
        assertTrue(w.elves().document().isEmpty());
        w.chooseLanguage("简体中文");
        assertTrue(w.status().startsWith("拒绝加载该可执行文件：" + notes), w.status());
        assertTrue(w.status().contains("不是 ELF 文件"), w.status());
        w.chooseLanguage("English");
    }

    @Test
    void a32BitFileAndAnExecutableOpenedAsACoreAreRefusedClearly() throws Exception {
        Path old = elf32();
        assertFalse(w.finish(() -> w.elves().loadExecutable(old)));
        assertTrue(w.status().contains(old + ": ") && w.status().contains("32-bit"), w.status());
        ElfWindow.assumeLs();
        assertFalse(w.finish(() -> w.elves().openCore(ElfWindow.LS)));
        assertTrue(w.status().startsWith("Refused to open the core dump: /bin/ls: e_type: "), w.status());
        assertTrue(w.status().contains("ET_CORE"), w.status());
        assertTrue(w.elves().document().isEmpty());
    }

    @Test
    void anUnsavedFileIsAskedAboutAndCancelKeepsIt() throws Exception {
        ElfWindow.assumeLs();
        Path file = Files.write(dir.resolve("notes.bin"), new byte[] {1, 2, 3, 4});
        assertTrue(w.finish(() -> w.app.files().open(file)));
        w.typeAt(w.app.files().document().baseAddress(), "ff");
        assertTrue(w.app.files().document().isDirty());
        Kernel fileKernel = w.window().session().kernel();

        w.robot.interact(() -> w.elves().loadExecutable(ElfWindow.LS));
        answer("cancelChanges");
        assertSame(fileKernel, w.window().session().kernel());
        assertTrue(w.app.files().document().isDirty(), "the edit is still there to save");
        assertTrue(w.elves().document().isEmpty());

        w.robot.interact(() -> w.elves().loadExecutable(ElfWindow.LS));
        answer("discardChanges");
        assertEquals(null, w.app.files().document());
        assertEquals("MemScope \u2014 ls", w.stage.getTitle());
        assertTrue(w.elves().document().isPresent());
    }

    private void answer(String button) throws Exception {
        WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS,
                () -> w.robot.lookup("#" + button).tryQuery().isPresent());
        w.robot.clickOn(w.robot.lookup("#" + button).queryButton());
        WaitForAsyncUtils.waitForFxEvents();
    }
}
