package memscope.model.elf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import memscope.model.BootOptions;
import memscope.model.Kernel;
import memscope.model.MapEntry;
import memscope.model.VmOptions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PT_INTERP: the dynamic linker is loaded beside the executable, below the stack, as Linux and Zircon's process
 * builder load it; a linker that is missing or unfit leaves the executable loaded alone and says why.
 */
class InterpreterTest {
    @TempDir
    Path dir;

    private final Kernel kernel = Kernel.boot(BootOptions.defaults().withDebuggingSyscalls(true));

    /** The sample executable with a PT_INTERP naming {@code linker} (its string inside LOAD[0]'s bytes). */
    private Path executableNaming(String linker) throws Exception {
        byte[] name = (linker + "\0").getBytes(StandardCharsets.UTF_8);
        ElfBuilder b = ElfBuilder.sample();
        b.ph(ProgramHeader.PT_INTERP, ProgramHeader.PF_R, 0x600, 0x600, name.length, name.length);
        b.bytes(0x600, name);
        return b.write(dir.resolve("prog"));
    }

    private List<MapEntry> mappings(int process) {
        return kernel.processMaps(process).entries().stream().filter(MapEntry::isMapping).collect(Collectors.toList());
    }

    private byte[] read(int process, long address, int n) {
        byte[] b = new byte[n];
        assertEquals(n, kernel.readMemory(process, address, b, n).actual());
        return b;
    }

    @Test
    void theLinkerIsLoadedBelowTheStackWithItsOwnSegments() throws Exception {
        Path linker = ElfBuilder.sample().write(dir.resolve("ld.so"));
        try (LoadedElf elf = ElfLoader.load(kernel, executableNaming(linker.toString()))) {
            assertEquals(linker.toString(), elf.interpreter().orElseThrow());
            assertTrue(elf.interpreterProblem().isEmpty(), () -> elf.interpreterProblem().get().in(Locale.ENGLISH));
            List<LoadedSegment> ld = elf.interpreterSegments();
            assertEquals(3, ld.size());
            long base = ld.get(0).base();
            assertEquals(base, elf.interpreterBias());
            assertTrue(ld.get(ld.size() - 1).end() <= elf.stackBase(), "below the stack");
            assertTrue(base > elf.segments().get(elf.segments().size() - 1).end(), "above the executable");
            List<String> names = mappings(elf.processHandle()).stream().map(MapEntry::name).toList();
            assertTrue(names.contains("ld.so: LOAD[1] r-x .text .plt"), names.toString());
            MapEntry text = mappings(elf.processHandle()).stream()
                    .filter(m -> m.name().equals("ld.so: LOAD[1] r-x .text .plt")).findFirst().orElseThrow();
            assertEquals(VmOptions.PERM_READ | VmOptions.PERM_EXECUTE, text.permissions());
            assertArrayEquals(new byte[] {0x7f, 'E', 'L', 'F'}, read(elf.processHandle(), base, 4));
            assertArrayEquals(ElfBuilder.fill(0x10, (char) 0x90), read(elf.processHandle(), base + 0x1000, 0x10));
        }
    }

    @Test
    void aMissingLinkerLeavesTheExecutableLoadedAndSaysWhy() throws Exception {
        Path missing = dir.resolve("no-such-ld.so");
        try (LoadedElf elf = ElfLoader.load(kernel, executableNaming(missing.toString()))) {
            assertTrue(elf.interpreterSegments().isEmpty());
            String why = elf.interpreterProblem().orElseThrow().in(Locale.ENGLISH);
            assertTrue(why.startsWith(missing + ": "), why);
            assertEquals(6, mappings(elf.processHandle()).size(), "the executable's own mappings, stack, vDSO");
        }
    }

    @Test
    void aLinkerThatIsNoSharedObjectOrForAnotherMachineIsLeftOut() throws Exception {
        ElfBuilder exec = ElfBuilder.sample();
        exec.type = ElfHeader.ET_EXEC;
        Path notShared = exec.write(dir.resolve("exec-ld"));
        try (LoadedElf elf = ElfLoader.load(kernel, executableNaming(notShared.toString()))) {
            String why = elf.interpreterProblem().orElseThrow().in(Locale.ENGLISH);
            assertTrue(why.contains("e_type") && why.contains("shared object"), why);
            assertTrue(elf.interpreterSegments().isEmpty());
        }
        ElfBuilder arm = ElfBuilder.sample();
        arm.machine = ElfHeader.EM_AARCH64;
        Path other = arm.write(dir.resolve("arm-ld"));
        try (LoadedElf elf = ElfLoader.load(kernel, executableNaming(other.toString()))) {
            String why = elf.interpreterProblem().orElseThrow().in(Locale.SIMPLIFIED_CHINESE);
            assertTrue(why.contains("动态链接器适用于"), why);
        }
    }

    @Test
    void theJavaLaunchersLinkerIsTheSystemsLdSo() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Assumptions.assumeTrue(Files.isRegularFile(java) && "amd64".equals(System.getProperty("os.arch")),
                "an x86-64 Linux JDK");
        try (LoadedElf elf = ElfLoader.load(kernel, java)) {
            Assumptions.assumeTrue(Files.isRegularFile(Path.of(elf.interpreter().orElseThrow())), "ld.so exists");
            assertTrue(elf.interpreterProblem().isEmpty(), () -> elf.interpreterProblem().get().in(Locale.ENGLISH));
            assertTrue(elf.interpreterSegments().size() >= 2);
            assertArrayEquals(new byte[] {0x7f, 'E', 'L', 'F'},
                    read(elf.processHandle(), elf.interpreterSegments().get(0).base(), 4));
        }
    }
}
