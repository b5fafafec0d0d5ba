package memscope.model.elf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import memscope.model.BootOptions;
import memscope.model.HandleResult;
import memscope.model.IoResult;
import memscope.model.Kernel;
import memscope.model.MapEntry;
import memscope.model.ProcessResult;
import memscope.model.Status;
import memscope.model.VmOptions;

/**
 * Exporting a simulated process as a core: readelf and gdb accept it (when installed), and MemScope's own reader
 * gets back the same mappings, permissions, names and bytes, unreadable pages included.
 */
class CoreWriterTest {
    private static final long BIAS = ElfLoader.DYN_BASE;

    @TempDir
    Path dir;

    private final Kernel kernel = Kernel.boot(BootOptions.defaults().withDebuggingSyscalls(true));

    private List<MapEntry> mappings(Kernel k, int process) {
        return k.processMaps(process).entries().stream().filter(MapEntry::isMapping).collect(Collectors.toList());
    }

    private static byte[] read(Kernel k, int process, long address, int n) {
        byte[] b = new byte[n];
        assertEquals(new IoResult(Status.OK, n), k.readMemory(process, address, b, n));
        return b;
    }

    @Test
    void aLoadedExecutableRoundTripsThroughItsCore() throws Exception {
        Path core = dir.resolve("sample.core");
        try (LoadedElf elf = ElfLoader.load(kernel, ElfBuilder.sample().write(dir.resolve("sample")))) {
            int p = elf.processHandle();
            kernel.writeMemory(p, BIAS + 0x1000, new byte[] {(byte) 0xcc}, 1);
            kernel.writeMemory(p, BIAS + 0x5000, new byte[] {42}, 1);
            CoreWriter.Result r = CoreWriter.write(kernel, p, core);
            assertEquals(core, r.path());
            assertEquals(0, r.unreadablePages());
            Kernel other = Kernel.boot(BootOptions.defaults().withDebuggingSyscalls(true));
            try (LoadedCore c = CoreFiles.open(other, core)) {
                List<MapEntry> was = mappings(kernel, p);
                List<MapEntry> now = mappings(other, c.processHandle());
                // every mapping comes back at its place with its permissions and name, the vDSO as a copy
                for (MapEntry m : was) {
                    MapEntry back = now.stream().filter(n -> n.base() == m.base()).findFirst().orElseThrow();
                    assertEquals(m.size(), back.size(), m.name());
                    assertEquals(m.permissions(), back.permissions(), m.name());
                    assertEquals(m.name(), back.name());
                    assertArrayEquals(read(kernel, p, m.base(), (int) m.size()),
                            read(other, c.processHandle(), m.base(), (int) m.size()), m.name());
                }
                assertEquals(was.size() + 1, now.size(), "plus the new process's own vDSO");
                assertEquals("sample", c.programName().orElseThrow());
            }
        }
    }

    @Test
    void unreadablePagesStayUnreadableAndAFilledPageBecomesReadable() throws Exception {
        Path original = CoreFilesTest.core().write(dir.resolve("core"));
        Path copy = dir.resolve("copy.core");
        try (LoadedCore c = CoreFiles.open(kernel, original)) {
            int p = c.processHandle();
            // a whole page written over a missing one needs none of its old bytes
            byte[] page = ElfBuilder.fill(Kernel.PAGE_SIZE, 'W');
            assertEquals(new IoResult(Status.OK, page.length),
                    kernel.writeMemory(p, CoreFilesTest.ANON + 0x2000, page, page.length));
            CoreWriter.Result r = CoreWriter.write(kernel, p, copy);
            assertEquals(1, r.unreadablePages());
        }
        try (LoadedCore again = CoreFiles.open(kernel, copy)) {
            int p = again.processHandle();
            byte[] b = new byte[1];
            assertArrayEquals(ElfBuilder.fill(0x1000, 'A'), read(kernel, p, CoreFilesTest.ANON, 0x1000));
            assertEquals(Status.ERR_IO, kernel.readMemory(p, CoreFilesTest.ANON + 0x1000, b, 1).status());
            assertArrayEquals(ElfBuilder.fill(0x1000, 'W'), read(kernel, p, CoreFilesTest.ANON + 0x2000, 0x1000));
            assertTrue(again.segments().stream().anyMatch(s -> s.name().endsWith("libexample.so.1")));
        }
    }

    @Test
    void readelfAndGdbAcceptAnExportedCore() throws Exception {
        Path core = dir.resolve("sample.core");
        try (LoadedElf elf = ElfLoader.load(kernel, ElfBuilder.sample().write(dir.resolve("sample")))) {
            CoreWriter.write(kernel, elf.processHandle(), core);
        }
        ExternalTools.Run readelf = ExternalTools.run("readelf", "-W", "-l", "-n", core.toString());
        assertEquals(0, readelf.exit(), readelf.output());
        assertTrue(readelf.output().contains("Elf file type is CORE"), readelf.output());
        assertTrue(readelf.output().contains("NT_FILE"), readelf.output());
        assertTrue(readelf.output().contains("NT_PRSTATUS"), readelf.output());
        assertFalse(readelf.output().toLowerCase().contains("warning"), readelf.output());
        assertTrue(readelf.output().contains("0x0000555555555000"), readelf.output());
        ExternalTools.Run gdb = ExternalTools.run("gdb", "-nx", "-batch", "-c", core.toString(),
                "-ex", "info proc mappings");
        assertEquals(0, gdb.exit(), gdb.output());
        String out = gdb.output();
        assertTrue(out.contains("0x555555555000     0x555555556000     0x1000        0x0 sample: LOAD[1] r-x .text .plt"),
                out);
        assertTrue(out.contains("sample: stack"), out);
        assertTrue(out.contains("vdso/next"), out);
    }

    @Test
    void aProcessWithMoreThan65534SegmentsUsesPnXnum() throws Exception {
        ProcessResult p = kernel.processCreate("many");
        HandleResult vmo = kernel.vmoCreate(Kernel.PAGE_SIZE, 0);
        int n = 70_000;
        for (int i = 0; i < n; i++) {
            // every other page, so no two mappings merge into one PT_LOAD
            assertEquals(Status.OK, kernel.vmarMap(p.rootVmar(), VmOptions.PERM_READ | (i % 2 == 0 ? 0
                    : VmOptions.PERM_WRITE) | VmOptions.SPECIFIC, 2L * i * Kernel.PAGE_SIZE, vmo.handle(), 0,
                    Kernel.PAGE_SIZE).status());
        }
        kernel.writeMemory(p.process(), Kernel.USER_ASPACE_BASE, new byte[] {7}, 1);
        Path core = dir.resolve("many.core");
        CoreWriter.Result r = CoreWriter.write(kernel, p.process(), core);
        assertEquals(n + 1, r.loadSegments(), "every mapping and the vDSO");
        try (ElfFile elf = ElfFile.open(core)) {
            assertEquals(0xffff, elf.header().rawPhnum());
            assertEquals(n + 2, elf.header().phnum());
        }
        Kernel other = Kernel.boot(BootOptions.defaults().withDebuggingSyscalls(true));
        try (LoadedCore c = CoreFiles.open(other, core)) {
            assertEquals(n + 1, c.segments().size());
            assertArrayEquals(new byte[] {7, 7}, new byte[] {read(other, c.processHandle(), Kernel.USER_ASPACE_BASE, 1)[0],
                    read(other, c.processHandle(), Kernel.USER_ASPACE_BASE + 2 * 4096 * 99, 1)[0]});
        }
        ExternalTools.Run readelf = ExternalTools.run("readelf", "-h", core.toString());
        assertEquals(0, readelf.exit(), readelf.output());
        assertTrue(readelf.output().contains("Number of program headers:         65535 (70002)"), readelf.output());
    }

    @Test
    void exportingADeadProcessIsRefusedAndLeavesTheTargetAlone() throws Exception {
        ProcessResult p = kernel.processCreate("gone");
        kernel.taskKill(p.process());
        Path target = Files.writeString(dir.resolve("keep.core"), "old");
        ElfException e = org.junit.jupiter.api.Assertions.assertThrows(ElfException.class,
                () -> CoreWriter.write(kernel, p.process(), target));
        assertEquals("the process cannot be read: ZX_ERR_BAD_STATE", e.problem());
        assertEquals("old", Files.readString(target));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file is left");
        }
    }
}
