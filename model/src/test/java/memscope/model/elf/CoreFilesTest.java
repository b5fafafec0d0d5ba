package memscope.model.elf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import memscope.model.BootOptions;
import memscope.model.IoResult;
import memscope.model.Kernel;
import memscope.model.MapEntry;
import memscope.model.Status;
import memscope.model.VmOptions;

/** A core dump opened as a process: mappings from PT_LOAD, names from NT_FILE, missing bytes unreadable. */
class CoreFilesTest {
    static final long LIB = 0x7f0000000000L;
    static final long ANON = 0x7f0000010000L;
    static final long STACK_TOP = Kernel.USER_ASPACE_END;

    @TempDir
    Path dir;

    private final Kernel kernel = Kernel.boot(BootOptions.defaults().withDebuggingSyscalls(true));

    /**
     * A core of three mappings: a library page (r-x, named by NT_FILE), 3 anonymous rw- pages of which the dump
     * kept one, and a stack right up to the top of the address space, where the vDSO would normally go.
     */
    static ElfBuilder core() {
        ElfBuilder b = new ElfBuilder();
        b.type = ElfHeader.ET_CORE;
        b.notes.add(ElfBuilder.note("CORE", CoreNotes.NT_FILE,
                ElfBuilder.ntFile(new long[][] {{LIB, LIB + 0x1000}}, "/usr/lib/x86_64-linux-gnu/libexample.so.1")));
        b.ph(ProgramHeader.PT_NOTE, 0, -1, 0, -1, 0)
                .load(ProgramHeader.PF_R | ProgramHeader.PF_X, 0x1000, LIB, 0x1000, 0x1000)
                .load(ProgramHeader.PF_R | ProgramHeader.PF_W, 0x2000, ANON, 0x1000, 0x3000)
                .load(ProgramHeader.PF_R | ProgramHeader.PF_W, 0x3000, STACK_TOP - 0x2000, 0x2000, 0x2000);
        b.bytes(0x1000, ElfBuilder.fill(0x1000, 'L'));
        b.bytes(0x2000, ElfBuilder.fill(0x1000, 'A'));
        b.bytes(0x3000, ElfBuilder.fill(0x2000, 'S'));
        return b;
    }

    private List<MapEntry> mappings(int process) {
        return kernel.processMaps(process).entries().stream().filter(MapEntry::isMapping).collect(Collectors.toList());
    }

    @Test
    void eachLoadSegmentIsAMappingWithItsPermissionsAndItsFileName() throws Exception {
        try (LoadedCore c = CoreFiles.open(kernel, core().write(dir.resolve("core.123")))) {
            List<MapEntry> maps = mappings(c.processHandle());
            MapEntry lib = maps.stream().filter(m -> m.base() == LIB).findFirst().orElseThrow();
            assertEquals("…/x86_64-linux-gnu/libexample.so.1".substring(0, 1)
                    + "/usr/lib/x86_64-linux-gnu/libexample.so.1".substring(11), lib.name());
            assertEquals(31, lib.name().length());
            assertEquals(VmOptions.PERM_READ | VmOptions.PERM_EXECUTE, lib.permissions());
            MapEntry anon = maps.stream().filter(m -> m.base() == ANON).findFirst().orElseThrow();
            assertEquals("LOAD[2] rw-", anon.name());
            assertEquals(0x3000, anon.size());
            MapEntry stack = maps.stream().filter(m -> m.base() == STACK_TOP - 0x2000).findFirst().orElseThrow();
            assertEquals(0x2000, stack.size());
            MapEntry vdso = maps.stream().filter(m -> m.vmoKoid() == kernel.inspector().vdsoKoid()).findFirst()
                    .orElseThrow();
            assertEquals(STACK_TOP - 0x2000 - Kernel.VDSO_SIZE, vdso.base(), "the vDSO moved below the stack");
            assertEquals("core: core.123", kernel.inspector().handle(c.processHandle()).orElseThrow().name());
            assertEquals(3, c.segments().size());
            assertEquals(ANON + 0x1000, c.segments().get(1).readableEnd());
        }
    }

    @Test
    void bytesTheDumpDidNotKeepAreUnreadableNeverZeros() throws Exception {
        try (LoadedCore c = CoreFiles.open(kernel, core().write(dir.resolve("core")))) {
            int p = c.processHandle();
            byte[] b = new byte[0x1000];
            assertEquals(new IoResult(Status.OK, 0x1000), kernel.readMemory(p, ANON, b, 0x1000));
            assertArrayEquals(ElfBuilder.fill(0x1000, 'A'), b);
            assertEquals(Status.ERR_IO, kernel.readMemory(p, ANON + 0x1000, b, 16).status());
            assertEquals(Status.ERR_IO, kernel.readMemory(p, ANON + 0x2ff0, b, 16).status());
            // a debugger's view stops where the kept bytes stop (the hex view shows ?? from there)
            byte[] across = new byte[0x2000];
            assertEquals(0x1000, kernel.inspector().peek(p, ANON, across));
            assertArrayEquals(ElfBuilder.fill(0x800, 'L'), read(p, LIB + 0x800, 0x800));
        }
    }

    @Test
    void theMemoryCanBeEditedButTheCoreFileNeverChanges() throws Exception {
        Path file = core().write(dir.resolve("core"));
        byte[] before = Files.readAllBytes(file);
        try (LoadedCore c = CoreFiles.open(kernel, file)) {
            int p = c.processHandle();
            assertEquals(new IoResult(Status.OK, 4), kernel.writeMemory(p, LIB + 16, new byte[] {1, 2, 3, 4}, 4));
            assertArrayEquals(new byte[] {1, 2, 3, 4}, read(p, LIB + 16, 4));
            // a write that needs a missing page's other bytes fails and changes nothing
            assertEquals(Status.ERR_IO, kernel.writeMemory(p, ANON + 0x1000, new byte[] {9}, 1).status());
        }
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void segmentsOutsideTheUserAddressSpaceAreListedNotMapped() throws Exception {
        ElfBuilder b = core();
        b.load(ProgramHeader.PF_R | ProgramHeader.PF_X, 0x1000, 0x400000, 0x1000, 0x1000);
        b.load(ProgramHeader.PF_R | ProgramHeader.PF_X, 0x1000, 0xffffffffff600000L, 0x1000, 0x1000);
        try (LoadedCore c = CoreFiles.open(kernel, b.write(dir.resolve("core")))) {
            assertEquals(3, c.segments().size());
            assertEquals(2, c.omitted().size());
            assertEquals(0xffffffffff600000L, c.omitted().get(1).vaddr());
            assertEquals("the segment [0xffffffffff600000, 0xffffffffff601000) lies outside the user address space"
                    + " [0x1000000, 0x7ffffffff000) and is not shown", c.omitted().get(1).reason().english());
            assertEquals("该段 [0x400000, 0x401000) 位于用户地址空间 [0x1000000, 0x7ffffffff000) 之外，不予显示",
                    c.omitted().get(0).reason().in(Locale.SIMPLIFIED_CHINESE));
        }
    }

    @Test
    void overlappingOrUnalignedSegmentsAreRefusedAndNothingIsMade() throws IOException {
        int handles = kernel.inspector().handles().size();
        ElfBuilder b = core();
        b.load(ProgramHeader.PF_R, 0x1000, ANON + 0x2000, 0x1000, 0x1000);
        ElfException e = org.junit.jupiter.api.Assertions.assertThrows(ElfException.class,
                () -> CoreFiles.open(kernel, b.write(dir.resolve("core"))));
        assertTrue(e.problem().startsWith("the segment [0x7f0000012000, 0x7f0000013000) overlaps LOAD segment 2"),
                e.getMessage());
        ElfBuilder u = core();
        u.load(ProgramHeader.PF_R, 0x1000, 0x7e0000000010L, 0x10, 0x10);
        e = org.junit.jupiter.api.Assertions.assertThrows(ElfException.class,
                () -> CoreFiles.open(kernel, u.write(dir.resolve("core"))));
        assertEquals("program header 4 (LOAD), p_vaddr: p_vaddr 0x7e0000000010 is not page-aligned",
                e.location() + ": " + e.problem());
        ElfBuilder huge = core();
        huge.load(ProgramHeader.PF_R, 0x1000, 0x7e0000000000L, 0, 1L << 60);
        e = org.junit.jupiter.api.Assertions.assertThrows(ElfException.class,
                () -> CoreFiles.open(kernel, huge.write(dir.resolve("core"))));
        assertTrue(e.problem().contains("does not fit in the user address space"), e.getMessage());
        assertEquals(handles, kernel.inspector().handles().size());
    }

    private byte[] read(int process, long address, int n) {
        byte[] b = new byte[n];
        assertEquals(new IoResult(Status.OK, n), kernel.readMemory(process, address, b, n));
        return b;
    }
}
