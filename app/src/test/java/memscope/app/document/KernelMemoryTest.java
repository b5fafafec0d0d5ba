package memscope.app.document;

import static memscope.app.hex.KernelFixture.RO;
import static memscope.app.hex.KernelFixture.RW;
import static memscope.app.hex.KernelFixture.RX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import memscope.app.hex.AddressRange;
import memscope.app.hex.CellKind;
import memscope.app.hex.KernelFixture;
import memscope.model.CachePolicy;
import memscope.model.Kernel;
import memscope.model.Rights;
import memscope.model.Status;
import org.junit.jupiter.api.Test;

/**
 * The one reader of process memory: kinds for the hex view, readable prefixes and stretches for find, copy and
 * the inspector, a window of addresses for an open file, and quiet reads that stay out of the syscall log.
 */
class KernelMemoryTest {
    private static final long A = 0x1010000L;
    private final KernelFixture k = new KernelFixture();
    private final byte[] data = new byte[0x4000];
    private final CellKind[] kinds = new CellKind[0x4000];

    private KernelMemory source() {
        return new KernelMemory(k.kernel, k.process);
    }

    @Test
    void spansTheRootVmar() {
        KernelMemory s = source();
        assertEquals(Kernel.USER_ASPACE_BASE, s.start());
        assertEquals(Kernel.USER_ASPACE_END, s.end());
    }

    @Test
    void readAcrossAHoleFillsTheMappedPartsOnBothSides() {
        int rw = k.vmo(0x2000, 0);
        assertEquals(Status.OK, k.kernel.vmoWrite(rw, new byte[] {0x11, 0x22}, 0x1ffe, 2));
        k.map(A, rw, 0x2000, RW);
        int ro = k.vmo(0x1000, 0);
        assertEquals(Status.OK, k.kernel.vmoWrite(ro, new byte[] {0x33}, 0, 1));
        k.map(A + 0x3000, ro, 0x1000, RO);

        source().read(A + 0x1ffe, data, kinds, 0x1003);
        assertEquals(CellKind.WRITABLE, kinds[0]);
        assertEquals(0x11, data[0]);
        assertEquals(0x22, data[1]);
        assertEquals(CellKind.UNMAPPED, kinds[2]);
        assertEquals(CellKind.UNMAPPED, kinds[0x1001]);
        assertEquals(CellKind.READ_ONLY, kinds[0x1002]);
        assertEquals(0x33, data[0x1002]);
    }

    @Test
    void executableMappingsAndTheVdsoHaveTheirOwnKinds() {
        var exec = k.kernel.vmoReplaceAsExecutable(k.vmo(0x1000, 0));
        assertEquals(Status.OK, exec.status());
        k.map(A, exec.handle(), 0x1000, RX);
        KernelMemory s = source();
        s.read(A, data, kinds, 16);
        assertEquals(CellKind.EXECUTABLE, kinds[15]);

        s.read(k.vdsoBase(), data, kinds, 4);
        assertEquals(CellKind.VDSO, kinds[0]);
        assertEquals("\u007fELF", new String(data, 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    @Test
    void uncachedVmoIsUnreadable() {
        int vmo = k.vmo(0x1000, 0);
        assertEquals(Status.OK, k.kernel.vmoSetCachePolicy(vmo, CachePolicy.UNCACHED));
        k.map(A, vmo, 0x1000, RW);
        source().read(A - 8, data, kinds, 16);
        assertEquals(CellKind.UNMAPPED, kinds[7]);
        assertEquals(CellKind.UNREADABLE, kinds[8]);
        assertEquals(CellKind.UNREADABLE, kinds[15]);
    }

    @Test
    void bytesBeyondAShrunkVmoAreUnreadable() {
        int vmo = k.vmo(0x3000, Kernel.VMO_RESIZABLE);
        k.map(A, vmo, 0x3000, RW);
        assertEquals(Status.OK, k.kernel.vmoSetSize(vmo, 0x1000));
        KernelMemory s = source();
        s.invalidate();
        s.read(A + 0xff0, data, kinds, 0x20);
        assertEquals(CellKind.WRITABLE, kinds[0xf]);
        assertEquals(CellKind.UNREADABLE, kinds[0x10]);
        assertEquals(CellKind.UNREADABLE, kinds[0x1f]);
    }

    @Test
    void deadProcessIsUnreadableEverywhere() {
        k.map(A, k.vmo(0x1000, 0), 0x1000, RW);
        KernelMemory s = source();
        s.read(A, data, kinds, 16);
        assertEquals(CellKind.WRITABLE, kinds[0]);
        assertEquals(Status.OK, k.kernel.taskKill(k.process));
        s.read(A, data, kinds, 16);
        assertEquals(CellKind.UNREADABLE, kinds[0], "cached map, failing reads");
        s.invalidate();
        s.read(A - 8, data, kinds, 16);
        assertEquals(CellKind.UNREADABLE, kinds[0], "no address space at all");
        assertEquals(CellKind.UNREADABLE, kinds[15]);
    }

    @Test
    void mappingListIsCachedUntilInvalidated() {
        KernelMemory s = source();
        s.read(A, data, kinds, 1);
        assertEquals(CellKind.UNMAPPED, kinds[0]);
        k.map(A, k.vmo(0x1000, 0), 0x1000, RW);
        s.read(A, data, kinds, 1);
        assertEquals(CellKind.UNMAPPED, kinds[0], "still the cached list");
        s.invalidate();
        s.read(A, data, kinds, 1);
        assertEquals(CellKind.WRITABLE, kinds[0]);
    }

    @Test
    void handlesThatCannotReadMemoryAreRejectedWithAReason() {
        var readOnly = k.kernel.handleDuplicate(k.process, Rights.READ);
        assertEquals(Status.OK, readOnly.status());
        var e = assertThrows(IllegalArgumentException.class,
                () -> new KernelMemory(k.kernel, readOnly.handle()));
        assertTrue(e.getMessage().contains("READ and WRITE"), e.getMessage());
        int vmo = k.vmo(0x1000, 0);
        e = assertThrows(IllegalArgumentException.class, () -> new KernelMemory(k.kernel, vmo));
        assertTrue(e.getMessage().contains("not a process"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new KernelMemory(k.kernel, 0x1234_5677));
        assertTrue(e.getMessage().contains("no handle"), e.getMessage());
    }

    @Test
    void aReadStopsAtTheFirstByteWithoutAValueAndContinuesAcrossAdjacentMappings() {
        int first = k.vmo(0x1000, 0);
        int second = k.vmo(0x1000, 0);
        assertEquals(Status.OK, k.kernel.vmoWrite(first, new byte[] {1, 2}, 0xffe, 2));
        assertEquals(Status.OK, k.kernel.vmoWrite(second, new byte[] {3}, 0, 1));
        k.map(A, first, 0x1000, RW);
        k.map(A + 0x1000, second, 0x1000, RO); // adjacent, then a hole at A + 0x2000
        byte[] got = new byte[0x3000];
        assertEquals(0x2000, source().read(A, got, got.length), "both mappings, not the hole");
        assertEquals(2, got[0xfff]);
        assertEquals(3, got[0x1000]);
        assertEquals(0, source().read(A + 0x2000, got, 16), "a hole has no value");
        assertEquals(0, source().read(A - 1, got, 16), "nor does the byte before the first mapping");
    }

    @Test
    void readableStretchesMergeAdjacentMappingsAndSkipHoles() {
        k.map(A, k.vmo(0x2000, 0), 0x2000, RW);
        k.map(A + 0x2000, k.vmo(0x1000, 0), 0x1000, RO);
        k.map(A + 0x5000, k.vmo(0x1000, 0), 0x1000, RW);
        assertEquals(List.of(new AddressRange(A + 0x10, A + 0x3000), new AddressRange(A + 0x5000, A + 0x5800)),
                source().readableRanges(A + 0x10, A + 0x5800));
        assertEquals(List.of(), source().readableRanges(A + 0x3000, A + 0x5000));
    }

    @Test
    void aWindowShowsOnlyItsAddressesAndNothingIsReadOutsideIt() {
        int vmo = k.vmo(0x2000, 0);
        assertEquals(Status.OK, k.kernel.vmoWrite(vmo, new byte[] {7, 8}, 0x63, 2));
        k.map(A, vmo, 0x2000, RW);
        KernelMemory file = new KernelMemory(k.kernel, k.process, java.util.function.Supplier::get,
                new AddressRange(A, A + 0x64));
        assertEquals(A, file.start());
        assertEquals(A + 0x64, file.end());
        byte[] got = new byte[16];
        assertEquals(1, file.read(A + 0x63, got, 16), "the window ends after one byte");
        assertEquals(7, got[0]);
        assertEquals(0, file.read(A + 0x64, got, 16), "past the window");
        assertEquals(List.of(new AddressRange(A, A + 0x64)), file.readableRanges(0, Long.MAX_VALUE));
        KernelMemory wide = new KernelMemory(k.kernel, k.process, java.util.function.Supplier::get,
                new AddressRange(0, Long.MAX_VALUE));
        assertEquals(Kernel.USER_ASPACE_BASE, wide.start(), "never past the address space");
        assertEquals(Kernel.USER_ASPACE_END, wide.end());
    }

    @Test
    void everyReadGoesThroughTheCallsItWasGivenSoTheWindowsOwnReadsCanStayQuiet() {
        k.map(A, k.vmo(0x1000, 0), 0x1000, RW);
        List<String> wrapped = new ArrayList<>();
        KernelMemory.Calls counting = new KernelMemory.Calls() {
            @Override
            public <T> T run(java.util.function.Supplier<T> call) {
                wrapped.add("call");
                return call.get();
            }
        };
        KernelMemory quiet = new KernelMemory(k.kernel, k.process, counting,
                new AddressRange(Kernel.USER_ASPACE_BASE, Kernel.USER_ASPACE_END));
        quiet.read(A, data, kinds, 16);
        quiet.read(A, data, 16);
        quiet.readableRanges(A, A + 16);
        assertEquals(3, wrapped.size(), "the kinds read, the prefix read and the stretches");
    }

    @Test
    void aLongReadInsideOneMappingIsOneCallStraightIntoTheCallersArray() {
        int vmo = k.vmo(0x200000, 0);
        byte[] pattern = new byte[0x100000];
        for (int i = 0; i < pattern.length; i++) {
            pattern[i] = (byte) (i * 7 + (i >>> 12));
        }
        assertEquals(Status.OK, k.kernel.vmoWrite(vmo, pattern, 0x1000, pattern.length));
        k.map(A, vmo, 0x200000, RW);
        List<String> reads = new ArrayList<>();
        k.kernel.subscribe(new memscope.model.KernelListener() {
            @Override
            public void syscallCompleted(memscope.model.SyscallRecord record) {
                reads.add(record.name());
            }
        });
        byte[] got = new byte[pattern.length];
        assertEquals(pattern.length, source().read(A + 0x1000, got, got.length));
        assertTrue(java.util.Arrays.equals(pattern, got), "the bytes of the mapping");
        // a search reads 1 MiB at a time: sixteen 64 KiB calls, each copied once more, cost it half its speed
        assertEquals(List.of("zx_process_read_memory"), reads);
    }
}
