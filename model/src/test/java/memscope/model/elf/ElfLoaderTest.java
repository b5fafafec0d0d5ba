package memscope.model.elf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import memscope.model.BootOptions;
import memscope.model.IoResult;
import memscope.model.KernReturn;
import memscope.model.Kernel;
import memscope.model.MapEntry;
import memscope.model.PortResult;
import memscope.model.Status;
import memscope.model.TaskFlavor;
import memscope.model.VmOptions;

/** Loading an executable as Zircon's process builder would, and every memory rule applying to the result. */
class ElfLoaderTest {
    private static final long BIAS = ElfLoader.DYN_BASE;
    private static final int R = VmOptions.PERM_READ;
    private static final int RW = R | VmOptions.PERM_WRITE;
    private static final int RX = R | VmOptions.PERM_EXECUTE;

    @TempDir
    Path dir;

    private final Kernel kernel = Kernel.boot(BootOptions.defaults().withDebuggingSyscalls(true));

    private LoadedElf sample() throws IOException, ElfException {
        return ElfLoader.load(kernel, ElfBuilder.sample().write(dir.resolve("sample")));
    }

    private List<MapEntry> mappings(int process) {
        return kernel.processMaps(process).entries().stream().filter(MapEntry::isMapping).collect(Collectors.toList());
    }

    private byte[] read(int process, long address, int n) {
        byte[] b = new byte[n];
        IoResult r = kernel.readMemory(process, address, b, n);
        assertEquals(Status.OK, r.status());
        assertEquals(n, r.actual());
        return b;
    }

    @Test
    void eachSegmentIsAVmoMappedAtTheBiasWithItsPermissionsAndSections() throws Exception {
        try (LoadedElf elf = sample()) {
            assertEquals(BIAS, elf.loadBias());
            assertEquals(BIAS + 0x1000, elf.entry());
            List<MapEntry> maps = mappings(elf.processHandle());
            MapEntry headers = maps.get(0);
            assertEquals(BIAS, headers.base());
            assertEquals(0x1000, headers.size());
            assertEquals(R, headers.permissions());
            assertEquals("sample: LOAD[0] r-- .rodata", headers.name());
            MapEntry text = maps.get(1);
            assertEquals(BIAS + 0x1000, text.base());
            assertEquals(RX, text.permissions());
            assertEquals("sample: LOAD[1] r-x .text .plt", text.name());
            MapEntry data = maps.get(2);
            assertEquals(BIAS + 0x3000, data.base());
            assertEquals(0x1000, data.size());
            assertEquals(RW, data.permissions());
            assertEquals("sample: LOAD[2] rw- .data", data.name());
            MapEntry bss = maps.get(3);
            assertEquals(BIAS + 0x4000, bss.base());
            assertEquals(0x2000, bss.size());
            assertEquals(RW, bss.permissions());
            assertEquals("sample: LOAD[2] rw- .bss", bss.name());
            assertTrue(bss.vmoKoid() != data.vmoKoid(), ".bss is anonymous memory of its own");
            MapEntry stack = maps.get(4);
            assertEquals("sample: stack", stack.name());
            assertEquals(ElfLoader.STACK_SIZE, stack.size());
            assertEquals(RW, stack.permissions());
            assertEquals(elf.stackBase(), stack.base());
            MapEntry vdso = maps.get(5);
            assertEquals(kernel.inspector().vdsoKoid(), vdso.vmoKoid());
            assertEquals(Kernel.USER_ASPACE_END - Kernel.VDSO_SIZE, vdso.base(), "the vDSO where it always is");
            assertEquals(6, maps.size());
        }
    }

    @Test
    void segmentBytesComeFromTheFileAndThePageTailIsZeroThoughTheFileGoesOn() throws Exception {
        Path file = ElfBuilder.sample().write(dir.resolve("sample"));
        byte[] onDisk = Files.readAllBytes(file);
        try (LoadedElf elf = ElfLoader.load(kernel, file)) {
            int p = elf.processHandle();
            assertArrayEquals(Arrays.copyOfRange(onDisk, 0, 0x800), read(p, BIAS, 0x800));
            assertArrayEquals(ElfBuilder.fill(0x200, (char) 0x90), read(p, BIAS + 0x1000, 0x200));
            assertArrayEquals(ElfBuilder.fill(0x100, 'D'), read(p, BIAS + 0x3000, 0x100));
            // the file holds ".comment" and the section headers right after .data; memory holds zeros there
            assertEquals('G', onDisk[0x2100]);
            assertArrayEquals(new byte[0xf00], read(p, BIAS + 0x3100, 0xf00));
            assertArrayEquals(new byte[0x2000], read(p, BIAS + 0x4000, 0x2000));
        }
    }

    @Test
    void patchingTextSucceedsUnderZirconAndIsAProtectionFailureUnderMachAndTheFileNeverChanges() throws Exception {
        Path file = ElfBuilder.sample().write(dir.resolve("sample"));
        byte[] before = Files.readAllBytes(file);
        try (LoadedElf elf = ElfLoader.load(kernel, file)) {
            int p = elf.processHandle();
            byte[] int3 = {(byte) 0xcc};
            assertEquals(new IoResult(Status.OK, 1), kernel.writeMemory(p, BIAS + 0x1000, int3, 1));
            assertArrayEquals(int3, read(p, BIAS + 0x1000, 1));
            PortResult task = kernel.mach().taskForProcess(p, TaskFlavor.CONTROL);
            assertEquals(KernReturn.SUCCESS, task.kr());
            assertEquals(KernReturn.PROTECTION_FAILURE, kernel.mach().vmWrite(task.port(), BIAS + 0x1001,
                    new byte[] {(byte) 0xcc}, 1));
            // .data is writable under both
            assertEquals(KernReturn.SUCCESS, kernel.mach().vmWrite(task.port(), BIAS + 0x3000, new byte[] {1}, 1));
        }
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void writingPastTheFileSizeIntoBssWorksAndTheGapBetweenSegmentsIsNotFound() throws Exception {
        try (LoadedElf elf = sample()) {
            int p = elf.processHandle();
            byte[] v = {1, 2, 3, 4, 5, 6, 7, 8};
            assertEquals(new IoResult(Status.OK, 8), kernel.writeMemory(p, BIAS + 0x3100, v, 8));
            assertEquals(new IoResult(Status.OK, 8), kernel.writeMemory(p, BIAS + 0x5ff8, v, 8));
            assertArrayEquals(v, read(p, BIAS + 0x3100, 8));
            assertArrayEquals(v, read(p, BIAS + 0x5ff8, 8));
            assertEquals(Status.ERR_NOT_FOUND, kernel.writeMemory(p, BIAS + 0x2000, v, 8).status());
            assertEquals(Status.ERR_NOT_FOUND, kernel.readMemory(p, BIAS + 0x2fff, v, 1).status());
            assertEquals(Status.ERR_NOT_FOUND, kernel.readMemory(p, BIAS + 0x6000, v, 1).status());
        }
    }

    @Test
    void anExecutableLoadsAtItsOwnAddressesAndAnAarch64OneLoadsToo() throws Exception {
        ElfBuilder b = new ElfBuilder();
        b.type = ElfHeader.ET_EXEC;
        b.machine = ElfHeader.EM_AARCH64;
        b.entry = 0x2000010;
        b.load(ProgramHeader.PF_R | ProgramHeader.PF_X, 0, 0x2000000, 0x100, 0x100);
        b.bytes(0x80, new byte[] {0x1f, 0x20, 0x03, (byte) 0xd5}); // nop
        try (LoadedElf elf = ElfLoader.load(kernel, b.write(dir.resolve("arm")))) {
            assertEquals(0, elf.loadBias());
            assertEquals(0x2000010, elf.entry());
            assertEquals(ElfHeader.EM_AARCH64, elf.machine());
            assertArrayEquals(new byte[] {0x1f, 0x20, 0x03, (byte) 0xd5}, read(elf.processHandle(), 0x2000080, 4));
            assertEquals("arm: LOAD[0] r-x", mappings(elf.processHandle()).get(0).name());
        }
    }

    @Test
    void longNamesAreCutToTheKernelsLimit() throws Exception {
        ElfBuilder b = ElfBuilder.sample();
        b.section(".text.very_long_section_name", 1, SectionHeader.SHF_ALLOC | 4, 0x1100, 0x1100, 0x10);
        try (LoadedElf elf = ElfLoader.load(kernel, b.write(dir.resolve("a-rather-long-program-name")))) {
            String name = mappings(elf.processHandle()).get(1).name();
            assertEquals("a-rather-…: LOAD[1] r-x .text …", name);
            assertEquals(31, name.length());
        }
    }

    @Test
    void theJavaLauncherItselfLoads() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(java)
                && "amd64".equals(System.getProperty("os.arch")), "an x86-64 Linux JDK");
        try (LoadedElf elf = ElfLoader.load(kernel, java)) {
            long loads = elf.file().programHeaders().stream().filter(p -> p.isLoad() && p.memsz() > 0).count();
            assertEquals(loads, elf.segments().size());
            byte[] magic = read(elf.processHandle(), elf.segments().get(0).base(), 4);
            assertArrayEquals(new byte[] {0x7f, 'E', 'L', 'F'}, magic);
            assertTrue(elf.interpreter().orElse("").contains("ld-linux"), elf.interpreter().toString());
        }
    }

    @Test
    void closingKillsTheProcessAndLeavesNoHandles() throws Exception {
        int before = kernel.inspector().handles().size();
        LoadedElf elf = sample();
        int p = elf.processHandle();
        elf.close();
        assertEquals(Status.ERR_BAD_HANDLE, kernel.readMemory(p, BIAS, new byte[1], 1).status());
        assertEquals(before, kernel.inspector().handles().size());
    }
}
