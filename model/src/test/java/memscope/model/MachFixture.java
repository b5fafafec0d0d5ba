package memscope.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One process laid out for the Mach tests, each mapping filled with its own byte so a stray write shows:
 * <pre>
 *   CODE   0x1010000  2 pages  r-x  (0xC0)
 *   DATA   0x1012000  2 pages  rw-  (0xD0)
 *   RODATA 0x1014000  1 page   r--  (0xE0)
 *   HOLE   0x1015000  1 page   nothing mapped
 *   TAIL   0x1016000  1 page   rw-  (0xF0)
 *   vDSO   at the top of the address space, r-x, permanent
 * </pre>
 * Debugging syscalls are on so the Zircon side can be compared.
 */
final class MachFixture {
    static final int PAGE = Kernel.PAGE_SIZE;
    static final long CODE = 0x1010000L;
    static final long DATA = 0x1012000L;
    static final long RODATA = 0x1014000L;
    static final long HOLE = 0x1015000L;
    static final long TAIL = 0x1016000L;
    static final int RW = VmOptions.PERM_READ | VmOptions.PERM_WRITE;
    static final int RX = VmOptions.PERM_READ | VmOptions.PERM_EXECUTE;

    final Kernel kernel = Kernel.boot(BootOptions.defaults().withDebuggingSyscalls(true));
    final Mach mach = kernel.mach();
    final int process;
    final int root;
    final int codeVmo;
    final int dataVmo;
    final int rodataVmo;
    final int tailVmo;
    final List<SyscallRecord> records = new CopyOnWriteArrayList<>();
    final List<Object> changes = new CopyOnWriteArrayList<>();

    MachFixture() {
        ProcessResult p = kernel.processCreate("target");
        process = p.process();
        root = p.rootVmar();
        codeVmo = kernel.vmoReplaceAsExecutable(vmo(2, 0xC0)).handle();
        dataVmo = vmo(2, 0xD0);
        rodataVmo = vmo(1, 0xE0);
        tailVmo = vmo(1, 0xF0);
        map(CODE, codeVmo, 2, RX);
        map(DATA, dataVmo, 2, RW);
        map(RODATA, rodataVmo, 1, VmOptions.PERM_READ);
        map(TAIL, tailVmo, 1, RW);
        kernel.subscribe(new KernelListener() {
            @Override
            public void memoryChanged(MemoryChange change) {
                changes.add(change);
            }

            @Override
            public void structureChanged(StructureChange change) {
                changes.add(change);
            }

            @Override
            public void syscallCompleted(SyscallRecord record) {
                records.add(record);
            }
        });
    }

    int vmo(int pages, int fill) {
        HandleResult h = kernel.vmoCreate((long) pages * PAGE, Kernel.VMO_RESIZABLE);
        assertEquals(Status.OK, h.status());
        byte[] bytes = filled(pages * PAGE, fill);
        assertEquals(Status.OK, kernel.vmoWrite(h.handle(), bytes, 0, bytes.length));
        return h.handle();
    }

    void map(long address, int vmo, int pages, int perms) {
        MapResult m = kernel.vmarMap(root, perms | VmOptions.SPECIFIC, address - Kernel.USER_ASPACE_BASE, vmo, 0,
                (long) pages * PAGE);
        assertEquals(Status.OK, m.status());
        assertEquals(address, m.address());
    }

    int task(TaskFlavor flavor) {
        PortResult r = mach.taskForProcess(process, flavor);
        assertEquals(KernReturn.SUCCESS, r.kr());
        return r.port();
    }

    /** The bytes at {@code address} as the Zircon debugger call sees them. */
    byte[] zx(long address, int length) {
        byte[] out = new byte[length];
        IoResult r = kernel.readMemory(process, address, out, length);
        assertEquals(new IoResult(Status.OK, length), r);
        return out;
    }

    /** The processMaps entry for the mapping containing {@code address}. */
    MapEntry mappingAt(long address) {
        for (MapEntry e : maps()) {
            if (e.isMapping() && address >= e.base() && address < e.base() + e.size()) {
                return e;
            }
        }
        throw new AssertionError("no mapping at 0x" + Long.toHexString(address));
    }

    List<MapEntry> mappingsIn(long start, long end) {
        List<MapEntry> out = new ArrayList<>();
        for (MapEntry e : maps()) {
            if (e.isMapping() && e.base() < end && e.base() + e.size() > start) {
                out.add(e);
            }
        }
        return out;
    }

    List<MapEntry> maps() {
        MapsResult r = kernel.processMaps(process);
        assertEquals(Status.OK, r.status());
        return r.entries();
    }

    MapEntry vdso() {
        for (MapEntry e : maps()) {
            if (e.isMapping() && e.name().startsWith("vdso/")) {
                return e;
            }
        }
        throw new AssertionError("no vDSO mapping");
    }

    /** The last Mach call's record (Zircon calls the test made since are skipped). */
    SyscallRecord lastRecord() {
        for (int i = records.size() - 1; i >= 0; i--) {
            if (records.get(i).kernReturn() != null) {
                return records.get(i);
            }
        }
        throw new AssertionError("no Mach call recorded");
    }

    static byte[] filled(int length, int value) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) value);
        return b;
    }
}
