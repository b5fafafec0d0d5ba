package memscope.app.elf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TreeItem;
import javafx.stage.Stage;
import memscope.app.MemScopeApp;
import memscope.app.files.Reads;
import memscope.app.structure.StructurePanel;
import memscope.app.testkit.RunningApp;
import memscope.model.MapEntry;
import org.junit.jupiter.api.Assumptions;
import org.testfx.util.WaitForAsyncUtils;

/** The real application started as from the command line, with what the ELF tests drive and observe. */
final class ElfWindow extends RunningApp {
    /** A real executable of this machine. */
    static final Path LS = Path.of("/bin/ls");

    private ElfWindow(MemScopeApp app, Stage stage) {
        super(app, stage);
    }

    static ElfWindow launch(String... args) throws Exception {
        // what the command line names is read off the FX thread
        return launch(ElfWindow::new, a -> a.files().latestRead(), args);
    }

    /** Skips the test where this machine has no 64-bit ELF {@code /bin/ls}. */
    static void assumeLs() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(LS), "/bin/ls exists");
        byte[] head = new byte[5];
        try (var in = Files.newInputStream(LS)) {
            Assumptions.assumeTrue(in.read(head) == 5 && head[0] == 0x7f && head[1] == 'E' && head[4] == 2,
                    "/bin/ls is a 64-bit ELF file");
        }
    }

    @Override
    protected void released() {
        app.files().closeDocument();
    }

    ElfWorkbench elves() {
        return app.elves();
    }

    ElfDocument doc() {
        return elves().document().orElseThrow(() -> new AssertionError("no executable or core is shown"));
    }

    StructurePanel structure() {
        return elves().structurePanel();
    }

    /** Runs a read or write the app does off the FX thread and waits for its outcome. */
    boolean finish(Supplier<CompletableFuture<Boolean>> start) {
        return Reads.finish(robot, start);
    }

    /** The viewed process's mappings, as the mapping tree lists them. */
    List<MapEntry> mappings() {
        return window().session().viewedMaps().stream().filter(MapEntry::isMapping).toList();
    }

    /** Reads the viewed process's memory (a debugger's read; not an edit). */
    byte[] read(long address, int length) {
        int h = window().session().viewedReader().orElseThrow();
        byte[] into = new byte[length];
        int n = window().session().kernel().inspector().peek(h, address, into);
        return java.util.Arrays.copyOf(into, Math.max(0, n));
    }

    /** The field row selected in the Structure panel, if any. */
    TreeItem<StructurePanel.Row> selectedRow() {
        return structure().table().getSelectionModel().getSelectedItem();
    }

    /** Chooses a language in View › Language, as a click on its item does. */
    void chooseLanguage(String label) {
        MenuBar bar = (MenuBar) window().root().lookup("#menuBar");
        javafx.scene.control.RadioMenuItem item = languageItem(bar.getMenus(), label);
        if (item == null) {
            throw new AssertionError("no language " + label);
        }
        robot.interact(item::fire);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static javafx.scene.control.RadioMenuItem languageItem(List<? extends MenuItem> items, String label) {
        for (MenuItem i : items) {
            if (i instanceof javafx.scene.control.RadioMenuItem r && label.equals(r.getText())) {
                return r;
            }
            if (i instanceof javafx.scene.control.Menu m) {
                javafx.scene.control.RadioMenuItem inner = languageItem(m.getItems(), label);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }
}
