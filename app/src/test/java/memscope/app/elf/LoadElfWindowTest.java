package memscope.app.elf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import javafx.scene.control.TabPane;
import javafx.scene.control.TreeItem;
import javafx.scene.input.KeyCombination;
import memscope.app.kernel.Personality;
import memscope.app.structure.StructurePanel;
import memscope.model.MapEntry;
import memscope.model.VmOptions;
import memscope.model.elf.LoadedElf;
import memscope.model.elf.LoadedSegment;
import memscope.model.structure.Field;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * {@code --load-elf /bin/ls}: the real executable becomes a process in the window, with a mapping per segment,
 * its bytes in the hex view, the Structure panel linked both ways to them, and every rule of the write calls.
 */
class LoadElfWindowTest {
    private ElfWindow w;
    private byte[] fileHash;

    @BeforeEach
    void launch() throws Exception {
        ElfWindow.assumeLs();
        fileHash = sha256();
        w = ElfWindow.launch("--load-elf", ElfWindow.LS.toString());
    }

    @AfterEach
    void close() throws Exception {
        if (w != null) {
            w.close();
        }
    }

    private static byte[] sha256() throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(ElfWindow.LS));
    }

    private LoadedElf elf() {
        return w.doc().executable().orElseThrow();
    }

    private LoadedSegment segment(int perms) {
        return elf().segments().stream().filter(s -> s.perms() == perms).findFirst()
                .orElseThrow(() -> new AssertionError("no segment " + VmOptions.permString(perms)));
    }

    @Test
    void theExecutableIsAProcessWithOneMappingPerSegmentAndItsBytesShow() {
        assertEquals("MemScope \u2014 ls", w.stage.getTitle());
        assertTrue(w.status().startsWith("Loaded ls into a new process: " + elf().segments().size()
                + " LOAD segments, load bias 0x" + Long.toHexString(elf().loadBias())), w.status());
        List<String> names = w.mappings().stream().map(MapEntry::name).toList();
        for (LoadedSegment s : elf().segments()) {
            String name = s.name() != null ? s.name() : s.bssName();
            assertTrue(names.contains(name), name + " in " + names);
            assertTrue(name.startsWith("ls: LOAD[" + s.index() + "] "), name);
        }
        // names are cut to Zircon's 31 bytes: the code segment names its first sections
        assertTrue(names.stream().anyMatch(n -> n.matches("ls: LOAD\\[\\d+\\] r-x \\..*")), names.toString());
        assertTrue(names.contains("ls: stack"), names.toString());
        // the dynamic linker comes with it, as Linux loads it
        String linker = elf().interpreter().orElseThrow();
        if (Files.isRegularFile(Path.of(linker))) {
            assertTrue(w.status().contains("; its dynamic linker " + linker + " is loaded at 0x"
                    + Long.toHexString(elf().interpreterSegments().get(0).base())), w.status());
            assertTrue(names.stream().anyMatch(n -> n.startsWith("ld-linux-…: LOAD[")), names.toString());
        }
        // the ELF header is loaded with the first segment: its magic is the first bytes of the process
        long base = elf().segments().get(0).base();
        assertArrayEquals(new byte[] {0x7f, 'E', 'L', 'F'}, w.read(base, 4));
        byte[] shown = new byte[4];
        w.robot.interact(() -> w.hex().getSource().read(base, shown, new memscope.app.hex.CellKind[4], 4));
        assertArrayEquals(new byte[] {0x7f, 'E', 'L', 'F'}, shown, "the hex view shows the header");
    }

    @Test
    void choosingAFieldSelectsItsBytesAndTheCaretFindsItsField() {
        StructurePanel panel = w.structure();
        assertTrue(panel.node().isVisible());
        TabPane tabs = (TabPane) w.window().workspace().side();
        assertEquals("structureTab", tabs.getSelectionModel().getSelectedItem().getId());
        TreeItem<StructurePanel.Row> header = panel.table().getRoot().getChildren().get(0);
        assertEquals("ELF header", header.getValue().group().title().in(java.util.Locale.ENGLISH));
        long base = elf().segments().get(0).base();

        // field -> bytes: e_phoff is bytes 32..39 of the header
        TreeItem<StructurePanel.Row> phoff = header.getChildren().stream()
                .filter(i -> i.getValue().field().name().equals("e_phoff")).findFirst().orElseThrow();
        w.robot.interact(() -> panel.table().getSelectionModel().select(phoff));
        assertEquals(base + 32, w.hex().selectionProperty().get().start());
        assertEquals(base + 40, w.hex().selectionProperty().get().end());

        // caret -> field: the p_flags of program header 1 (at e_phoff + 56 + 4)
        long phoffValue = elf().file().header().phoff();
        long flagsOfPh1 = base + phoffValue + 56 + 4;
        w.robot.interact(() -> w.hex().goTo(flagsOfPh1 + 2));
        WaitForAsyncUtils.waitForFxEvents();
        Field f = w.selectedRow().getValue().field();
        assertEquals("p_flags", f.name());
        assertEquals(flagsOfPh1, f.offset());
        assertTrue(w.selectedRow().getValue().group().title().in(java.util.Locale.ENGLISH)
                .startsWith("Program header 1: "));
        // the caret stays where it was put: the highlight does not move it back to the field's start
        assertEquals(flagsOfPh1 + 2, w.hex().caretProperty().get());

        // a byte no field holds clears the highlight
        long text = segment(VmOptions.PERM_READ | VmOptions.PERM_EXECUTE).base();
        w.robot.interact(() -> w.hex().goTo(text));
        assertEquals(null, w.selectedRow());
    }

    @Test
    void patchingTextIsAllowedUnderZirconAndRefusedUnderMachAndTheFileStaysAsItWas() throws Exception {
        long text = segment(VmOptions.PERM_READ | VmOptions.PERM_EXECUTE).base() + 0x10;
        byte before = w.read(text, 1)[0];
        w.typeAt(text, "cc");
        assertEquals("ZX_OK: wrote 1 byte at 0x" + Long.toHexString(text), w.status());
        assertEquals((byte) 0xcc, w.read(text, 1)[0]);

        w.robot.interact(() -> w.window().session().personalityProperty().set(Personality.MACH));
        byte next = w.read(text + 1, 1)[0];
        w.typeAt(text + 1, "cc");
        assertTrue(w.status().startsWith("KERN_PROTECTION_FAILURE"), w.status());
        assertEquals(next, w.read(text + 1, 1)[0]);
        assertArrayEquals(fileHash, sha256(), "the executable on disk is never written");
        assertFalse(before == (byte) 0xcc && next == (byte) 0xcc, "the test needs bytes that are not already cc");
    }

    @Test
    void bssTakesWritesAndTheGapAfterTheLastSegmentIsNotFound() {
        LoadedSegment data = elf().segments().stream().filter(s -> s.bssName() != null).findFirst()
                .orElseThrow(() -> new AssertionError("ls has no .bss"));
        w.typeAt(data.fileEnd() + 8, "5a");
        assertEquals("ZX_OK: wrote 1 byte at 0x" + Long.toHexString(data.fileEnd() + 8), w.status());
        assertEquals(0x5a, w.read(data.fileEnd() + 8, 1)[0]);

        long gap = elf().segments().get(elf().segments().size() - 1).end();
        w.typeAt(gap, "11");
        assertTrue(w.status().startsWith("ZX_ERR_NOT_FOUND"), w.status());
    }

    @Test
    void aSessionKeepsTheEditedExecutableAndReadsTheRestFromTheFile(@TempDir Path dir) {
        long text = segment(VmOptions.PERM_READ | VmOptions.PERM_EXECUTE).base() + 0x20;
        byte[] rest = w.read(text + 1, 15);
        w.typeAt(text, "cc");
        Path session = dir.resolve("ls.memscope");
        w.robot.interact(() -> w.app.files().saveSession(session));
        assertEquals("Session saved to ls.memscope", w.status());
        assertTrue(w.finish(() -> w.app.files().openSession(session)), w.status());
        assertEquals((byte) 0xcc, w.read(text, 1)[0]);
        assertArrayEquals(rest, w.read(text + 1, 15));
    }

    @Test
    void theViewMenuHidesAndShowsTheStructureTab() {
        TabPane tabs = (TabPane) w.window().workspace().side();
        var toggle = (javafx.scene.control.CheckMenuItem) w.menuItem("structureMenu");
        assertEquals(KeyCombination.keyCombination("Shortcut+Shift+R"), toggle.getAccelerator());
        assertTrue(tabs.getTabs().stream().anyMatch(t -> "structureTab".equals(t.getId())));
        w.robot.interact(() -> toggle.setSelected(false));
        assertFalse(tabs.getTabs().stream().anyMatch(t -> "structureTab".equals(t.getId())));
        w.robot.interact(() -> toggle.setSelected(true));
        assertTrue(tabs.getTabs().stream().anyMatch(t -> "structureTab".equals(t.getId())));
        for (String id : List.of("loadElfMenu", "openCoreMenu", "exportCoreMenu")) {
            assertNotNull(w.menuItem(id).getAccelerator(), id);
        }
    }
}
