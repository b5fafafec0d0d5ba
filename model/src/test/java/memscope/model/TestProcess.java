package memscope.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A booted kernel with one process, and short helpers that fail the test when a setup call is refused, so each
 * test reads as the one call it is about.
 */
final class TestProcess {
    static final int RW = VmOptions.PERM_READ | VmOptions.PERM_WRITE;
    static final int PAGE = Kernel.PAGE_SIZE;
    /** Where the root VMAR starts: every SPECIFIC offset below is relative to it. */
    static final long BASE = Kernel.USER_ASPACE_BASE;

    final Kernel kernel;
    final int process;
    final int root;

    private TestProcess(Kernel kernel, String name) {
        this.kernel = kernel;
        ProcessResult p = kernel.processCreate(name);
        assertEquals(Status.OK, p.status(), "processCreate");
        this.process = p.process();
        this.root = p.rootVmar();
    }

    /** A kernel with debugging syscalls on, and a process in it. */
    static TestProcess boot() {
        return boot(BootOptions.defaults().withDebuggingSyscalls(true));
    }

    static TestProcess boot(BootOptions options) {
        return new TestProcess(Kernel.boot(options), "test");
    }

    /** Another process in the same kernel. */
    TestProcess sibling(String name) {
        return new TestProcess(kernel, name);
    }

    int vmo(long size) {
        return vmo(size, 0);
    }

    int vmo(long size, int options) {
        HandleResult r = kernel.vmoCreate(size, options);
        assertEquals(Status.OK, r.status(), "vmoCreate");
        return r.handle();
    }

    /** Maps all of {@code length} bytes of {@code vmo} at root offset {@code offset}; returns the address. */
    long mapAt(long offset, int vmo, long vmoOffset, long length, int perms) {
        return mapAt(root, offset, vmo, vmoOffset, length, perms);
    }

    long mapAt(int vmar, long offset, int vmo, long vmoOffset, long length, int perms) {
        MapResult r = kernel.vmarMap(vmar, perms | VmOptions.SPECIFIC, offset, vmo, vmoOffset, length);
        assertEquals(Status.OK, r.status(), "vmarMap");
        return r.address();
    }

    /** A fresh read-write VMO of {@code pages} pages mapped at root offset {@code offset}; returns the VMO handle. */
    int mappedVmo(long offset, int pages) {
        int vmo = vmo((long) pages * PAGE);
        mapAt(offset, vmo, 0, (long) pages * PAGE, RW);
        return vmo;
    }

    IoResult write(long address, byte[] data) {
        return kernel.writeMemory(process, address, data, data.length);
    }

    /** Reads {@code length} bytes and fails unless all of them came back. */
    byte[] read(long address, int length) {
        byte[] out = new byte[length];
        assertEquals(new IoResult(Status.OK, length), kernel.readMemory(process, address, out, length),
                "readMemory at 0x" + Long.toHexString(address));
        return out;
    }

    /** The VMO's bytes, read through the VMO handle (no mapping involved). */
    byte[] vmoBytes(int vmo, long offset, int length) {
        byte[] out = new byte[length];
        assertEquals(Status.OK, kernel.vmoRead(vmo, out, offset, length), "vmoRead");
        return out;
    }

    /** A duplicate of {@code handle} holding exactly {@code rights}. */
    int withRights(int handle, int rights) {
        HandleResult r = kernel.handleDuplicate(handle, rights);
        assertEquals(Status.OK, r.status(), "handleDuplicate");
        return r.handle();
    }

    long koidOf(int handle) {
        return kernel.inspector().handle(handle).orElseThrow().koid();
    }

    /** The base of this process's vDSO mapping. */
    long vdsoBase() {
        return kernel.processMaps(process).entries().stream()
                .filter(e -> e.isMapping() && e.name().startsWith("vdso/"))
                .findFirst().orElseThrow().base();
    }

    static byte[] filled(int length, int value) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) value);
        return b;
    }

    /** Bytes 1, 2, 3, ... (wrapping), so a misplaced byte shows. */
    static byte[] counting(int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (i + 1);
        }
        return b;
    }

    /** Starts recording every event the kernel delivers. */
    Recorder record() {
        Recorder r = new Recorder();
        r.subscription = kernel.subscribe(r);
        return r;
    }

    /** Every event delivered, in order, per kind. */
    static final class Recorder implements KernelListener {
        final List<MemoryChange> memory = new CopyOnWriteArrayList<>();
        final List<StructureChange> structure = new CopyOnWriteArrayList<>();
        final List<SyscallRecord> calls = new CopyOnWriteArrayList<>();
        Subscription subscription;

        @Override
        public void memoryChanged(MemoryChange change) {
            memory.add(change);
        }

        @Override
        public void structureChanged(StructureChange change) {
            structure.add(change);
        }

        @Override
        public void syscallCompleted(SyscallRecord record) {
            calls.add(record);
        }

        SyscallRecord lastCall() {
            return calls.get(calls.size() - 1);
        }

        /** The latest record of the syscall called {@code name}, e.g. {@code zx_process_write_memory}. */
        SyscallRecord last(String name) {
            for (int i = calls.size() - 1; i >= 0; i--) {
                if (calls.get(i).name().equals(name)) {
                    return calls.get(i);
                }
            }
            throw new AssertionError("no " + name + " was recorded");
        }

        void clear() {
            memory.clear();
            structure.clear();
            calls.clear();
        }
    }
}
