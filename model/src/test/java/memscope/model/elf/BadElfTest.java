package memscope.model.elf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import memscope.model.BootOptions;
import memscope.model.Kernel;
import memscope.model.KernelInspector;

/**
 * Bad input is refused with a checked exception naming the file, the field and the problem (in English and
 * Chinese), before the first syscall: the kernel is left exactly as it was, and nothing is allocated beyond what
 * the file's size justifies.
 */
class BadElfTest {
    @TempDir
    Path dir;

    private final Kernel kernel = Kernel.boot(BootOptions.defaults().withDebuggingSyscalls(true));
    private List<KernelInspector.HandleInfo> before;

    @BeforeEach
    void snapshot() {
        before = kernel.inspector().handles();
    }

    @AfterEach
    void nothingWasMade() {
        assertEquals(before, kernel.inspector().handles(), "a refused file leaves no object behind");
    }

    private ElfException refusedLoad(Path file) {
        return assertThrows(ElfException.class, () -> ElfLoader.load(kernel, file));
    }

    private ElfException refusedLoad(ElfBuilder b) throws IOException {
        return refusedLoad(b.write(dir.resolve("bad")));
    }

    private void assertMessage(ElfException e, String field, String problemStart) {
        assertTrue(e.source().endsWith("bad") || e.source().startsWith(dir.toString()), e.getMessage());
        assertEquals(field, e.location(), e.getMessage());
        assertTrue(e.problem().startsWith(problemStart), e.getMessage());
        assertTrue(e.getMessage().startsWith(e.source() + ": "), e.getMessage());
    }

    @Test
    void aNonElfFileIsRefused() throws IOException {
        Path f = Files.writeString(dir.resolve("bad"), "#!/bin/sh\necho hello\n");
        assertMessage(refusedLoad(f), "", "not an ELF file: it starts with 23 21 2f 62");
    }

    @Test
    void aTruncatedIdentOrHeaderIsRefused() throws IOException {
        byte[] whole = ElfBuilder.sample().build();
        Files.write(dir.resolve("bad"), java.util.Arrays.copyOf(whole, 10));
        assertMessage(refusedLoad(dir.resolve("bad")), "", "the file is 10 bytes long, too short");
        Files.write(dir.resolve("bad"), java.util.Arrays.copyOf(whole, 40));
        assertMessage(refusedLoad(dir.resolve("bad")), "", "the ELF header is truncated: the file has 40 bytes");
    }

    @Test
    void thirtyTwoBitBigEndianAndOtherMachinesAreRefused() throws IOException {
        Path f = ElfBuilder.sample().write(dir.resolve("bad"));
        ElfBuilder.patch(f, 4, 1, 1);
        assertMessage(refusedLoad(f), "EI_CLASS", "32-bit ELF files are not supported");
        f = ElfBuilder.sample().write(dir.resolve("bad"));
        ElfBuilder.patch(f, 5, 1, 2);
        assertMessage(refusedLoad(f), "EI_DATA", "big-endian ELF files are not supported");
        ElfBuilder arm32 = ElfBuilder.sample();
        arm32.machine = 40;
        assertMessage(refusedLoad(arm32), "e_machine", "machine 40 (ARM) is not supported");
    }

    @Test
    void programHeadersPastTheEndOfTheFileAreRefused() throws IOException {
        Path f = ElfBuilder.sample().write(dir.resolve("bad"));
        long size = Files.size(f);
        ElfBuilder.patch(f, 32, 8, size - 100);
        assertMessage(refusedLoad(f), "e_phoff", "the table of 4 entries at offset 0x" + Long.toHexString(size - 100));
        ElfBuilder b = ElfBuilder.sample();
        b.coverLoads = false;
        b.load(ProgramHeader.PF_R, 0x100000, 0x100000, 0x1000, 0x1000);
        assertMessage(refusedLoad(b), "program header 4 (LOAD), p_offset, p_filesz",
                "the segment's file bytes [0x100000, 0x101000) run past the end of the file");
    }

    @Test
    void overlappingLoadSegmentsAreRefusedNamingBoth() throws IOException {
        ElfBuilder b = ElfBuilder.sample();
        b.load(ProgramHeader.PF_R | ProgramHeader.PF_W, 0x1000, 0x5000, 0x10, 0x10);
        assertMessage(refusedLoad(b), "program header 4 (LOAD), p_vaddr",
                "the segment [0x5000, 0x5010) overlaps LOAD segment 2 [0x3000, 0x6000)");
    }

    @Test
    void absurdProgramHeaderCountsAreRefusedWithoutAllocatingForThem() throws IOException {
        // e_phnum = PN_XNUM: the real count, 2^32 - 1, is in section header 0's sh_info
        Path f = ElfBuilder.sample().write(dir.resolve("bad"));
        long shoff = java.nio.ByteBuffer.wrap(Files.readAllBytes(f)).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .getLong(40);
        ElfBuilder.patch(f, 56, 2, 0xffff);
        ElfBuilder.patch(f, shoff + 44, 4, 0xffffffffL);
        // measure the second refusal: the first loads the reader's classes and words, which allocates (megabytes
        // when a Jazzer fuzz test ran earlier in this JVM: its agent instruments every class loaded afterwards,
        // and surefire's class order is the file system's, so that depends on the machine). A reader that
        // allocated for the count would fail the first one already
        assertMessage(refusedLoad(f), "e_phnum", "4294967295 entries is more than MemScope reads");
        long allocated = allocatedBy(() -> assertMessage(refusedLoad(f), "e_phnum",
                "4294967295 entries is more than MemScope reads"));
        assertTrue(allocated < 4 << 20, "allocated " + allocated);
        // a count within the limit that the file cannot hold
        ElfBuilder.patch(f, shoff + 44, 4, 100_000);
        assertMessage(refusedLoad(f), "e_phoff", "the table of 100000 entries at offset 0x40 ends at");
        // PN_XNUM without a section header table to hold the count
        Path g = new ElfBuilder().load(ProgramHeader.PF_R, 0, 0, 0x100, 0x100).write(dir.resolve("bad2"));
        ElfBuilder.patch(g, 56, 2, 0xffff);
        ElfException e = refusedLoad(g);
        assertEquals("e_phnum", e.location());
        assertTrue(e.problem().contains("section header 0"), e.getMessage());
    }

    @Test
    void aSegmentOfTwoToTheSixtyBytesIsRefused() throws IOException {
        ElfBuilder b = ElfBuilder.sample();
        b.load(ProgramHeader.PF_R | ProgramHeader.PF_W, 0, 0x10000, 0, 1L << 60);
        Path f = b.write(dir.resolve("bad"));
        long allocated = allocatedBy(() -> assertMessage(refusedLoad(f), "program header 4 (LOAD), p_vaddr, p_memsz",
                "the segment [0x10000, 0x1000000000010000) does not fit in the user address space"));
        assertTrue(allocated < 4 << 20, "allocated " + allocated);
    }

    @Test
    void fileSizeOverMemorySizeAndMisalignedSegmentsAreRefused() throws IOException {
        ElfBuilder b = ElfBuilder.sample();
        b.load(ProgramHeader.PF_R, 0x1000, 0x8000, 0x200, 0x100);
        assertMessage(refusedLoad(b), "program header 4 (LOAD), p_filesz", "p_filesz 0x200 is larger than p_memsz 0x100");
        ElfBuilder c = ElfBuilder.sample();
        c.load(ProgramHeader.PF_R, 0x1010, 0x8000, 0x10, 0x10);
        assertMessage(refusedLoad(c), "program header 4 (LOAD), p_vaddr, p_offset",
                "p_vaddr 0x8000 and p_offset 0x1010 lie at different offsets in their pages");
    }

    @Test
    void anExecutableBelowTheUserAddressSpaceIsRefused() throws IOException {
        ElfBuilder b = new ElfBuilder();
        b.type = ElfHeader.ET_EXEC;
        b.load(ProgramHeader.PF_R | ProgramHeader.PF_X, 0, 0x400000, 0x100, 0x100);
        assertMessage(refusedLoad(b), "program header 0 (LOAD), p_vaddr",
                "the segment [0x400000, 0x401000) does not fit in the user address space [0x1000000, 0x7ffffffff000)");
    }

    @Test
    void objectsCoresAndFilesWithoutSegmentsAreNotLoaded() throws IOException {
        ElfBuilder rel = ElfBuilder.sample();
        rel.type = ElfHeader.ET_REL;
        assertMessage(refusedLoad(rel), "e_type", "e_type is ET_REL (1): only executables");
        ElfBuilder none = new ElfBuilder();
        none.ph(0x6474e551, 6, 0, 0, 0, 0);
        assertMessage(refusedLoad(none), "e_phnum", "there is no PT_LOAD segment to load");
        ElfException e = assertThrows(ElfException.class,
                () -> CoreFiles.open(kernel, ElfBuilder.sample().write(dir.resolve("bad"))));
        assertMessage(e, "e_type", "e_type is ET_DYN (3): only core dumps");
    }

    @Test
    void sectionHeadersAreChecked() throws IOException {
        ElfBuilder b = ElfBuilder.sample();
        b.section(".huge", 1, 0, 0, 0x100, 1L << 40);
        ElfException e = refusedLoad(b);
        assertEquals("section header 7 (.huge), sh_offset, sh_size", e.location());
        assertTrue(e.problem().startsWith("the section's bytes [0x100, 0x10000000100) run past the end"),
                e.getMessage());
    }

    @Test
    void directoriesFifosAndMissingFilesAreRefusedBeforeOpening() throws Exception {
        assertEquals("", refusedLoad(dir).location());
        assertEquals("is a directory, not an ELF file", refusedLoad(dir).problem());
        assertTrue(refusedLoad(dir.resolve("missing")).problem().startsWith("cannot be read: "));
        Path fifo = dir.resolve("fifo");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        Assumptions.assumeTrue(mk.waitFor() == 0, "mkfifo is available");
        // opening a FIFO for reading would block until a writer came: it must be refused first
        assertEquals("is not a regular file (a device, FIFO or socket); MemScope reads ELF from regular files only",
                assertTimeoutRefused(fifo).problem());
        assertEquals("is not a regular file (a device, FIFO or socket); MemScope reads ELF from regular files only",
                assertThrows(ElfException.class, () -> CoreFiles.open(kernel, fifo)).problem());
    }

    private ElfException assertTimeoutRefused(Path fifo) {
        return org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10),
                () -> refusedLoad(fifo));
    }

    @Test
    void refusalsReadInChinese() throws IOException {
        ElfBuilder b = ElfBuilder.sample();
        b.load(ProgramHeader.PF_R, 0x1000, 0x8000, 0x200, 0x100);
        Path f = b.write(dir.resolve("bad"));
        ElfException e = refusedLoad(f);
        assertEquals(f + "：程序头 4（LOAD），p_filesz：p_filesz 0x200 大于 p_memsz 0x100",
                e.text().in(Locale.SIMPLIFIED_CHINESE));
        assertEquals(f + ": program header 4 (LOAD), p_filesz: p_filesz 0x200 is larger than p_memsz 0x100",
                e.getMessage());
        assertEquals(dir + "：是一个目录，不是 ELF 文件", refusedLoad(dir).text().in(Locale.SIMPLIFIED_CHINESE));
    }

    /** Bytes this thread allocated while running {@code r}. */
    private static long allocatedBy(Runnable r) {
        com.sun.management.ThreadMXBean t = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long start = t.getThreadAllocatedBytes(id);
        r.run();
        return t.getThreadAllocatedBytes(id) - start;
    }
}
