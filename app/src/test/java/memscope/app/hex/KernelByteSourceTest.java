package memscope.app.hex;

import static memscope.app.hex.KernelFixture.RO;
import static memscope.app.hex.KernelFixture.RW;
import static memscope.app.hex.KernelFixture.RX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import memscope.model.CachePolicy;
import memscope.model.Kernel;
import memscope.model.Rights;
import memscope.model.Status;
import org.junit.jupiter.api.Test;

class KernelByteSourceTest {
    private static final long A = 0x1010000L;
    private final KernelFixture k = new KernelFixture();
    private final byte[] data = new byte[0x4000];
    private final CellKind[] kinds = new CellKind[0x4000];

    private KernelByteSource source() {
        return new KernelByteSource(k.kernel, k.process);
    }

    @Test
    void spansTheRootVmar() {
        KernelByteSource s = source();
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
        KernelByteSource s = source();
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
        KernelByteSource s = source();
        s.invalidate();
        s.read(A + 0xff0, data, kinds, 0x20);
        assertEquals(CellKind.WRITABLE, kinds[0xf]);
        assertEquals(CellKind.UNREADABLE, kinds[0x10]);
        assertEquals(CellKind.UNREADABLE, kinds[0x1f]);
    }

    @Test
    void deadProcessIsUnreadableEverywhere() {
        k.map(A, k.vmo(0x1000, 0), 0x1000, RW);
        KernelByteSource s = source();
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
        KernelByteSource s = source();
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
                () -> new KernelByteSource(k.kernel, readOnly.handle()));
        assertTrue(e.getMessage().contains("READ and WRITE"), e.getMessage());
        int vmo = k.vmo(0x1000, 0);
        e = assertThrows(IllegalArgumentException.class, () -> new KernelByteSource(k.kernel, vmo));
        assertTrue(e.getMessage().contains("not a process"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new KernelByteSource(k.kernel, 0x1234_5677));
        assertTrue(e.getMessage().contains("no handle"), e.getMessage());
    }
}
