package memscope.app.elf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import memscope.app.testkit.ToolsOnPath;
import memscope.model.MapEntry;
import memscope.model.VmOptions;
import memscope.model.elf.LoadedSegment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Core dumps in the window: a loaded executable, edited, exported as a core that readelf accepts and that opens
 * again (menu action and {@code --core}) with the same mappings and the edit; a core gcore made of a live child
 * shows that child's mappings.
 */
class CoreWindowTest {
    @TempDir
    Path dir;
    private ElfWindow w;

    @AfterEach
    void close() throws Exception {
        if (w != null) {
            w.close();
        }
    }

    private static Set<String> placesOf(List<MapEntry> maps) {
        Set<String> out = new HashSet<>();
        for (MapEntry e : maps) {
            if (!e.name().startsWith("vdso")) { // each kernel places its own vDSO
                out.add(Long.toHexString(e.base()) + "+" + Long.toHexString(e.size()) + " "
                        + VmOptions.permString(e.permissions()));
            }
        }
        return out;
    }

    @Test
    void anEditedExecutableExportsAsACoreThatOpensAgainWithTheEdit() throws Exception {
        ElfWindow.assumeLs();
        w = ElfWindow.launch("--load-elf", ElfWindow.LS.toString());
        LoadedSegment data = w.doc().executable().orElseThrow().segments().stream()
                .filter(s -> s.perms() == (VmOptions.PERM_READ | VmOptions.PERM_WRITE) && s.name() != null)
                .findFirst().orElseThrow();
        w.typeAt(data.base() + 3, "ab");
        Set<String> before = placesOf(w.mappings());

        Path core = dir.resolve("ls.core");
        assertTrue(w.finish(() -> w.elves().exportCore(core)), w.status());
        assertTrue(w.status().startsWith("Exported process \"ls\" to " + core + ": "), w.status());
        if (ToolsOnPath.installed("readelf")) {
            String out = ElfToolsOnPath.run("readelf", "-l", "-n", core.toString());
            assertTrue(out.contains("NT_FILE") && out.contains("LOAD"), out);
        }

        var previous = w.window().session().kernel();
        assertTrue(w.finish(() -> w.elves().openCore(core)), w.status());
        assertNotSame(previous, w.window().session().kernel());
        assertEquals("MemScope \u2014 core: ls.core", w.stage.getTitle());
        assertTrue(w.status().startsWith("Opened core dump ls.core (program ls): "), w.status());
        assertTrue(w.status().contains("The process is dead (a core)"), w.status());
        assertEquals(before, placesOf(w.mappings()));
        assertEquals((byte) 0xab, w.read(data.base() + 3, 1)[0]);
        assertEquals(ElfDocument.Kind.CORE, w.doc().kind());

        // a core's memory is the simulation's to edit; exported again, the new core holds both edits
        w.typeAt(data.base() + 4, "cd");
        assertEquals("ZX_OK: wrote 1 byte at 0x" + Long.toHexString(data.base() + 4), w.status());
        Path second = dir.resolve("ls2.core");
        assertTrue(w.finish(() -> w.elves().exportCore(second)), w.status());
        w.close();
        w = ElfWindow.launch("--core", second.toString());
        assertEquals("MemScope \u2014 core: ls2.core", w.stage.getTitle());
        assertArrayEquals(new byte[] {(byte) 0xab, (byte) 0xcd}, w.read(data.base() + 3, 2));
        assertEquals(before, placesOf(w.mappings()));
    }

    @Test
    void aGcoreOfALiveChildOpensWithItsMappings() throws Exception {
        Assumptions.assumeTrue(ToolsOnPath.installed("gcore") && ToolsOnPath.installed("sleep"),
                "gcore installed");
        Process child = new ProcessBuilder("sleep", "300").start(); // outlives a slow gdb; destroyed below
        try {
            Path mapsFile = Path.of("/proc/" + child.pid() + "/maps");
            // until sleep sleeps: the loader has then finished mapping libraries and re-protecting RELRO (the
            // maps equal across two looks can come earlier on a loaded machine, and the maps are read after gcore)
            memscope.model.linux.ChildAsleep.await(child);
            Path prefix = dir.resolve("core");
            String said = ElfToolsOnPath.run("gcore", "-o", prefix.toString(), String.valueOf(child.pid()));
            Path core = Path.of(prefix + "." + child.pid());
            Assumptions.assumeTrue(Files.isRegularFile(core), "gcore could attach: " + said);
            List<String> live = new ArrayList<>();
            for (String line : Files.readAllLines(mapsFile)) {
                String[] f = line.trim().split("\\s+");
                String[] range = f[0].split("-");
                long start = Long.parseUnsignedLong(range[0], 16);
                // [vvar] pages cannot be read by a debugger: gcore leaves them out, as the kernel does in its cores
                boolean vvar = f.length > 5 && f[5].startsWith("[vvar");
                if (!vvar && start >= memscope.model.Kernel.USER_ASPACE_BASE
                        && start < memscope.model.Kernel.USER_ASPACE_END) {
                    live.add(range[0] + "-" + range[1] + " " + f[1].substring(0, 3));
                }
            }
            w = ElfWindow.launch("--core", core.toString());
            assertEquals("MemScope \u2014 core: " + core.getFileName(), w.stage.getTitle());
            assertTrue(w.status().startsWith("Opened core dump " + core.getFileName() + " (program sleep): "),
                    w.status());
            List<String> shown = new ArrayList<>();
            for (MapEntry e : w.mappings()) {
                if (!e.name().startsWith("vdso")) {
                    shown.add(Long.toHexString(e.base()) + "-" + Long.toHexString(e.base() + e.size()) + " "
                            + VmOptions.permString(e.permissions()));
                }
            }
            // gcore leaves out nothing the child could read; the window shows every one of its mappings
            assertTrue(shown.containsAll(live.stream().filter(l -> !l.endsWith("---")).toList()),
                    "live " + live + "\nshown " + shown);
        } finally {
            child.destroy();
            child.waitFor();
        }
    }

    /** Runs binutils and gdb where they are installed. */
    static final class ElfToolsOnPath {
        private ElfToolsOnPath() {
        }

        static String run(String... command) throws Exception {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), command[0] + " finished");
            assertEquals(0, p.exitValue(), out);
            return out;
        }
    }
}
