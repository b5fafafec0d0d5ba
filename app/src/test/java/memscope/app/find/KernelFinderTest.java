package memscope.app.find;

import memscope.app.edit.ByteRange;
import memscope.app.edit.HexParseException;
import memscope.app.edit.TextEncoding;

import memscope.app.document.KernelMemory;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import memscope.model.BootOptions;
import memscope.model.HandleResult;
import memscope.model.Kernel;
import memscope.model.ProcessResult;
import memscope.model.Status;
import memscope.model.VmOptions;

/** Searching a process: across adjacent mappings, never across holes, over the whole address space. */
class KernelFinderTest {
    private static final int RW = VmOptions.PERM_READ | VmOptions.PERM_WRITE | VmOptions.SPECIFIC;
    private static final long A = Kernel.USER_ASPACE_BASE + 0x10000;
    private Kernel kernel;
    private ProcessResult p;
    private Finder finder;
    private final ByteRange everything = new ByteRange(Kernel.USER_ASPACE_BASE, Kernel.USER_ASPACE_END);

    @BeforeEach
    void twoAdjacentMappingsThenAHoleThenAThird() {
        kernel = Kernel.boot(BootOptions.defaults().withDebuggingSyscalls(true));
        p = kernel.processCreate("target");
        map(A, 2);                       // [A, A+2 pages)
        map(A + 2 * Kernel.PAGE_SIZE, 1); // adjacent: [A+2p, A+3p)
        map(A + 5 * Kernel.PAGE_SIZE, 1); // after a two-page hole
        finder = new Finder(new KernelMemory(kernel, p.process()), 1000);
    }

    private void map(long address, int pages) {
        HandleResult vmo = kernel.vmoCreate(pages * (long) Kernel.PAGE_SIZE, 0);
        assertEquals(Status.OK, kernel.vmarMap(p.rootVmar(), RW, address - Kernel.USER_ASPACE_BASE, vmo.handle(), 0,
                pages * (long) Kernel.PAGE_SIZE).status());
    }

    private void put(long address, byte[] bytes) {
        assertEquals(Status.OK, kernel.writeMemory(p.process(), address, bytes, bytes.length).status());
    }

    @Test
    void findsTextAcrossTwoAdjacentMappings() {
        put(A + 3 * Kernel.PAGE_SIZE - 3, "Mem".getBytes()); // the last 3 bytes before the hole
        Optional<ByteRange> m = finder.findNext(SearchPattern.text("MemScope", TextEncoding.ASCII), 0, everything);
        assertEquals(Optional.empty(), m, "the hole after the second mapping cuts the text off");

        long across = A + 2 * Kernel.PAGE_SIZE - 3;
        put(across, "Mem".getBytes()); // a write stops at its mapping's end, so the text goes in two parts
        put(across + 3, "Scope".getBytes());
        m = finder.findNext(SearchPattern.text("MemScope", TextEncoding.ASCII), 0, everything);
        assertEquals(Optional.of(new ByteRange(across, across + 8)), m);
    }

    @Test
    void aMatchNeverSpansAHole() {
        long endOfSecond = A + 3 * Kernel.PAGE_SIZE;
        put(endOfSecond - 2, new byte[] {0x11, 0x22});
        put(A + 5 * Kernel.PAGE_SIZE, new byte[] {0x33, 0x44});
        SearchPattern p1234 = SearchPattern.of(new byte[] {0x11, 0x22, 0x33, 0x44});
        assertEquals(Optional.empty(), finder.findNext(p1234, 0, everything));
        assertEquals(Optional.empty(), finder.findPrevious(p1234, Long.MAX_VALUE, everything));
    }

    @Test
    void findsUtf16BothWaysAndTheVdso() throws HexParseException {
        put(A + 100, TextEncoding.UTF_16LE.encode("zircon"));
        put(A + 5 * Kernel.PAGE_SIZE + 7, TextEncoding.UTF_16BE.encode("zircon"));
        assertEquals(A + 100, finder.findNext(SearchPattern.text("zircon", TextEncoding.UTF_16LE), 0, everything)
                .orElseThrow().start());
        assertEquals(A + 5 * Kernel.PAGE_SIZE + 7, finder.findPrevious(
                SearchPattern.text("zircon", TextEncoding.UTF_16BE), Long.MAX_VALUE, everything).orElseThrow().start());
        // the vDSO at the top of the address space is readable memory too: its ELF magic
        List<ByteRange> elf = finder.findAll(SearchPattern.hex("7F 45 4C 46"), everything, 10);
        assertEquals(1, elf.size());
        assertTrue(elf.get(0).start() > A + 6 * Kernel.PAGE_SIZE);
    }

    @Test
    void unencodableTextIsRefusedClearly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SearchPattern.text("café", TextEncoding.ASCII));
        assertTrue(e.getMessage().contains("ASCII"), e.getMessage());
        assertEquals(5, TextEncoding.UTF_8.encode("café").length);
        assertThrows(IllegalArgumentException.class, () -> SearchPattern.of(new byte[0]));
    }
}
