package memscope.model.contract;

import static memscope.model.contract.ContractFixture.assertSignature;
import static memscope.model.contract.ContractFixture.entryAt;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import memscope.model.BootOptions;
import memscope.model.CachePolicy;
import memscope.model.HandleResult;
import memscope.model.IoResult;
import memscope.model.KernReturn;
import memscope.model.Kernel;
import memscope.model.KernelListener;
import memscope.model.Mach;
import memscope.model.MapEntry;
import memscope.model.MapResult;
import memscope.model.MapsResult;
import memscope.model.MemoryChange;
import memscope.model.ObjectType;
import memscope.model.PortResult;
import memscope.model.ProcessResult;
import memscope.model.ReadResult;
import memscope.model.RegionResult;
import memscope.model.Rights;
import memscope.model.Status;
import memscope.model.StructureChange;
import memscope.model.Subscription;
import memscope.model.SyscallRecord;
import memscope.model.VmOptions;
import memscope.model.VmProt;
import memscope.model.VmarResult;
import org.junit.jupiter.api.Test;

/**
 * The public API of kernel-api.md (the shared spec), seen from outside package {@code memscope.model} as a
 * conformance suite sees it: every name must compile here, every value must be Zircon's (or Mach's), and the
 * signatures must match exactly, which reflection checks because widening would still compile. The Mach part
 * is in {@link MachApiContractTest}.
 */
class KernelApiContractTest {
    private static final int PAGE = ContractFixture.PAGE;

    // ---- values ----

    @Test
    void statusCodesAndNamesAreZircons() {
        Map<Status, Integer> codes = Map.ofEntries(Map.entry(Status.OK, 0), Map.entry(Status.ERR_INTERNAL, -1),
                Map.entry(Status.ERR_NOT_SUPPORTED, -2), Map.entry(Status.ERR_NO_RESOURCES, -3),
                Map.entry(Status.ERR_NO_MEMORY, -4), Map.entry(Status.ERR_INVALID_ARGS, -10),
                Map.entry(Status.ERR_BAD_HANDLE, -11), Map.entry(Status.ERR_WRONG_TYPE, -12),
                Map.entry(Status.ERR_OUT_OF_RANGE, -14), Map.entry(Status.ERR_BUFFER_TOO_SMALL, -15),
                Map.entry(Status.ERR_BAD_STATE, -20), Map.entry(Status.ERR_NOT_FOUND, -25),
                Map.entry(Status.ERR_ALREADY_EXISTS, -26), Map.entry(Status.ERR_ACCESS_DENIED, -30));
        codes.forEach((status, code) -> {
            assertEquals(code, status.code(), status.name());
            assertSame(status, Status.of(code), "Status.of(" + code + ")");
            assertEquals("ZX_" + status.name(), status.zxName());
        });
        assertEquals("ZX_ERR_ACCESS_DENIED", Status.ERR_ACCESS_DENIED.zxName());
        assertEquals("ZX_OK", Status.OK.zxName());
    }

    @Test
    void rightsHaveZirconsBitValues() {
        int[] actual = {Rights.NONE, Rights.DUPLICATE, Rights.TRANSFER, Rights.READ, Rights.WRITE, Rights.EXECUTE,
            Rights.MAP, Rights.GET_PROPERTY, Rights.SET_PROPERTY, Rights.ENUMERATE, Rights.DESTROY, Rights.SIGNAL,
            Rights.WAIT, Rights.INSPECT, Rights.MANAGE_PROCESS, Rights.MANAGE_THREAD, Rights.RESIZE,
            Rights.SAME_RIGHTS};
        int[] zircon = {0, 1 << 0, 1 << 1, 1 << 2, 1 << 3, 1 << 4, 1 << 5, 1 << 6, 1 << 7, 1 << 8, 1 << 9, 1 << 12,
            1 << 14, 1 << 15, 1 << 17, 1 << 18, 1 << 22, 1 << 31};
        assertArrayEquals(zircon, actual);
    }

    /** zircon/system/public/zircon/rights.h, spelled out bit by bit so a wrong constant cannot hide here. */
    @Test
    void defaultRightsAreZirconsDefinitions() {
        int basic = (1 << 1) | (1 << 0) | (1 << 14) | (1 << 15); // TRANSFER | DUPLICATE | WAIT | INSPECT
        int io = (1 << 2) | (1 << 3);
        int property = (1 << 6) | (1 << 7);
        // BASIC | IO | PROPERTY | ENUMERATE | DESTROY | SIGNAL | MANAGE_PROCESS | MANAGE_THREAD
        assertEquals(basic | io | property | (1 << 8) | (1 << 9) | (1 << 12) | (1 << 17) | (1 << 18),
                Rights.DEFAULT_PROCESS);
        assertEquals(0x6d3cf, Rights.DEFAULT_PROCESS);
        // BASIC | IO | PROPERTY | MAP | SIGNAL: no EXECUTE
        assertEquals(basic | io | property | (1 << 5) | (1 << 12), Rights.DEFAULT_VMO);
        assertEquals(0xd0ef, Rights.DEFAULT_VMO);
        // (BASIC & ~WAIT) | OP_CHILDREN
        assertEquals((basic & ~(1 << 14)) | (1 << 21), Rights.DEFAULT_VMAR);
        assertEquals(0x208003, Rights.DEFAULT_VMAR);
    }

    @Test
    void vmOptionsHaveZirconsValues() {
        int[] actual = {VmOptions.PERM_READ, VmOptions.PERM_WRITE, VmOptions.PERM_EXECUTE, VmOptions.SPECIFIC,
            VmOptions.CAN_MAP_SPECIFIC, VmOptions.CAN_MAP_READ, VmOptions.CAN_MAP_WRITE, VmOptions.CAN_MAP_EXECUTE};
        assertArrayEquals(new int[] {1, 2, 4, 1 << 4, 1 << 6, 1 << 7, 1 << 8, 1 << 9}, actual);
    }

    @Test
    void cachePoliciesAndObjectTypesHaveZirconsValues() {
        assertEquals(List.of(CachePolicy.CACHED, CachePolicy.UNCACHED, CachePolicy.UNCACHED_DEVICE,
                CachePolicy.WRITE_COMBINING), List.of(CachePolicy.values()).subList(0, 4));
        assertArrayEquals(new int[] {0, 1, 2, 3}, new int[] {CachePolicy.CACHED.value(),
            CachePolicy.UNCACHED.value(), CachePolicy.UNCACHED_DEVICE.value(), CachePolicy.WRITE_COMBINING.value()});
        assertArrayEquals(new int[] {1, 2, 3, 18}, new int[] {ObjectType.PROCESS.value(), ObjectType.THREAD.value(),
            ObjectType.VMO.value(), ObjectType.VMAR.value()});
    }

    @Test
    void kernelConstants() {
        assertEquals(4096, Kernel.PAGE_SIZE);
        assertEquals(67108864L, (long) Kernel.MAX_DEBUG_IO);
        assertEquals(1 << 1, Kernel.VMO_RESIZABLE);
    }

    // ---- result records ----

    @Test
    void resultRecordsHaveTheAgreedComponents() {
        assertComponents(IoResult.class, "status:Status", "actual:long");
        assertComponents(HandleResult.class, "status:Status", "handle:int");
        assertComponents(ProcessResult.class, "status:Status", "process:int", "rootVmar:int");
        assertComponents(MapResult.class, "status:Status", "address:long");
        assertComponents(VmarResult.class, "status:Status", "vmar:int", "address:long");
        assertComponents(MapEntry.class, "name:String", "base:long", "size:long", "depth:int", "isMapping:boolean",
                "permissions:int", "vmoKoid:long", "vmoOffset:long");
        assertComponents(MapsResult.class, "status:Status", "entries:List");
        assertComponents(PortResult.class, "kr:KernReturn", "port:int");
        assertComponents(ReadResult.class, "kr:KernReturn", "data:byte[]");
        assertComponents(RegionResult.class, "kr:KernReturn", "address:long", "size:long", "protection:int",
                "maxProtection:int");
        // the canonical constructors, as callers write them
        assertEquals(7, new IoResult(Status.OK, 7).actual());
        assertEquals(3, new HandleResult(Status.OK, 3).handle());
        assertEquals(11, new ProcessResult(Status.OK, 7, 11).rootVmar());
        assertEquals(PAGE, new MapResult(Status.OK, PAGE).address());
        assertEquals(5, new VmarResult(Status.OK, 5, 0).vmar());
        assertTrue(new MapEntry("m", 0, PAGE, 1, true, VmOptions.PERM_READ, 9, 0).isMapping());
        assertEquals(List.of(), new MapsResult(Status.OK, List.of()).entries());
        assertEquals(KernReturn.SUCCESS, new PortResult(KernReturn.SUCCESS, 1).kr());
        assertEquals(2, new ReadResult(KernReturn.SUCCESS, new byte[2]).data().length);
        assertEquals(VmProt.ALL, new RegionResult(KernReturn.SUCCESS, 0, 0, VmProt.READ, VmProt.ALL).maxProtection());
    }

    private static void assertComponents(Class<?> record, String... expected) {
        assertTrue(record.isRecord(), record + " is a record");
        List<String> actual = new ArrayList<>();
        for (RecordComponent c : record.getRecordComponents()) {
            actual.add(c.getName() + ":" + c.getType().getSimpleName());
        }
        assertEquals(List.of(expected), actual, record.getSimpleName());
    }

    // ---- booting ----

    @Test
    void bootOptionsDefaultToZirconsAndWithersAreImmutable() {
        BootOptions defaults = BootOptions.defaults();
        BootOptions debugging = defaults.withDebuggingSyscalls(true);
        BootOptions legacy = defaults.withLegacyNoMemory(true);
        assertNotEquals(defaults, debugging);
        assertEquals(BootOptions.defaults(), defaults, "withers leave the original alone");
        assertEquals(defaults, debugging.withDebuggingSyscalls(false));
        assertSame(legacy, Kernel.boot(legacy).options());

        // defaults: debugging syscalls off; legacyNoMemory: an unmapped address is ERR_NO_MEMORY
        ContractFixture off = new ContractFixture(defaults);
        assertEquals(Status.ERR_NOT_SUPPORTED, off.kernel.writeMemory(off.process, off.address, new byte[1], 1)
                .status());
        ContractFixture on = new ContractFixture(debugging);
        assertEquals(Status.OK, on.kernel.writeMemory(on.process, on.address, new byte[1], 1).status());
        assertEquals(Status.ERR_NOT_FOUND, on.kernel.readMemory(on.process, 0x1000000, new byte[1], 1).status());
        ContractFixture old = new ContractFixture(legacy.withDebuggingSyscalls(true));
        assertEquals(Status.ERR_NO_MEMORY, old.kernel.readMemory(old.process, 0x1000000, new byte[1], 1).status());
    }

    // ---- signatures ----

    @Test
    void kernelMethodsHaveTheAgreedSignatures() throws NoSuchMethodException {
        assertSignature(Kernel.class, true, "boot", Kernel.class, BootOptions.class);
        assertSignature(Kernel.class, false, "options", BootOptions.class);
        assertSignature(Kernel.class, false, "mach", Mach.class);
        assertSignature(Kernel.class, false, "subscribe", Subscription.class, KernelListener.class);
        assertSignature(Kernel.class, false, "processCreate", ProcessResult.class, String.class);
        assertSignature(Kernel.class, false, "taskKill", Status.class, int.class);
        assertSignature(Kernel.class, false, "vmoCreate", HandleResult.class, long.class, int.class);
        assertSignature(Kernel.class, false, "vmoSetSize", Status.class, int.class, long.class);
        assertSignature(Kernel.class, false, "vmoSetCachePolicy", Status.class, int.class, CachePolicy.class);
        assertSignature(Kernel.class, false, "vmoRead", Status.class, int.class, byte[].class, long.class, long.class);
        assertSignature(Kernel.class, false, "vmoWrite", Status.class, int.class, byte[].class, long.class, long.class);
        assertSignature(Kernel.class, false, "objectSetName", Status.class, int.class, String.class);
        assertSignature(Kernel.class, false, "vmarAllocate", VmarResult.class, int.class, int.class, long.class,
                long.class);
        assertSignature(Kernel.class, false, "vmarMap", MapResult.class, int.class, int.class, long.class, int.class,
                long.class, long.class);
        assertSignature(Kernel.class, false, "vmarUnmap", Status.class, int.class, long.class, long.class);
        assertSignature(Kernel.class, false, "vmarProtect", Status.class, int.class, int.class, long.class,
                long.class);
        assertSignature(Kernel.class, false, "handleDuplicate", HandleResult.class, int.class, int.class);
        assertSignature(Kernel.class, false, "handleReplace", HandleResult.class, int.class, int.class);
        assertSignature(Kernel.class, false, "handleClose", Status.class, int.class);
        assertSignature(Kernel.class, false, "processMaps", MapsResult.class, int.class);
        assertSignature(Kernel.class, false, "readMemory", IoResult.class, int.class, long.class, byte[].class,
                long.class);
        assertSignature(Kernel.class, false, "writeMemory", IoResult.class, int.class, long.class, byte[].class,
                long.class);
        assertSignature(Status.class, false, "code", int.class);
        assertSignature(Status.class, false, "zxName", String.class);
        assertSignature(Status.class, true, "of", Status.class, int.class);
        assertSignature(Subscription.class, false, "close", void.class);
    }

    // ---- syscalls, each exercised once through the contract ----

    @Test
    void rootVmarCoversTheX86UserAddressSpaceAndHoldsTheVdso() {
        ContractFixture f = new ContractFixture(BootOptions.defaults());
        MapsResult maps = f.kernel.processMaps(f.process);
        assertEquals(Status.OK, maps.status());
        MapEntry root = maps.entries().get(0);
        assertEquals(0, root.depth());
        assertFalse(root.isMapping());
        assertEquals(0x1000000L, root.base());
        // Zircon's x86-64 top of user space: (1 << 47) - 4096, "just below 2^47"
        assertEquals((1L << 47) - PAGE, root.base() + root.size());
        MapEntry vdso = maps.entries().stream().filter(e -> e.isMapping() && e.name().startsWith("vdso/"))
                .findFirst().orElseThrow();
        assertEquals(VmOptions.PERM_READ | VmOptions.PERM_EXECUTE, vdso.permissions());
        assertTrue(vdso.depth() > 0 && vdso.base() >= root.base() && vdso.base() + vdso.size() <= root.base()
                + root.size());
    }

    @Test
    void handlesAreNeverZeroHaveTheTwoLowBitsSetAndDieOnClose() {
        Kernel kernel = Kernel.boot(BootOptions.defaults());
        List<Integer> values = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            values.add(kernel.vmoCreate(PAGE, 0).handle());
        }
        for (int v : values) {
            assertNotEquals(0, v);
            assertEquals(3, v & 3, "low two bits of 0x" + Integer.toHexString(v));
        }
        long steps = 0;
        for (int i = 1; i < values.size(); i++) {
            steps += values.get(i) - values.get(i - 1) == values.get(1) - values.get(0) ? 1 : 0;
        }
        assertTrue(steps < values.size() - 1, "handle values must not follow a counter");
        int first = values.get(0);
        assertEquals(Status.OK, kernel.handleClose(first));
        assertEquals(Status.ERR_BAD_HANDLE, kernel.vmoRead(first, new byte[1], 0, 1));
    }

    @Test
    void vmoCallsFollowZircon() {
        Kernel kernel = Kernel.boot(BootOptions.defaults());
        int vmo = kernel.vmoCreate(PAGE + 1, 0).handle();
        byte[] one = {42};
        assertEquals(Status.OK, kernel.vmoWrite(vmo, one, 2 * PAGE - 1, 1), "the size rounds up to pages");
        byte[] back = new byte[1];
        assertEquals(Status.OK, kernel.vmoRead(vmo, back, 2 * PAGE - 1, 1));
        assertEquals(42, back[0]);
        assertEquals(Status.ERR_OUT_OF_RANGE, kernel.vmoRead(vmo, back, 2 * PAGE, 1));
        assertEquals(Status.ERR_UNAVAILABLE, kernel.vmoSetSize(vmo, 3 * PAGE), "not resizable");
        int growable = kernel.vmoCreate(PAGE, Kernel.VMO_RESIZABLE).handle();
        assertEquals(Status.OK, kernel.vmoSetSize(growable, 3 * PAGE));
        assertEquals(Status.OK, kernel.vmoRead(growable, back, 3 * PAGE - 1, 1));
        assertEquals(Status.OK, kernel.vmoSetCachePolicy(vmo, CachePolicy.UNCACHED));
        assertEquals(Status.ERR_BAD_STATE, kernel.vmoRead(vmo, back, 0, 1));
        assertEquals(Status.OK, kernel.objectSetName(growable, "grows"));
    }

    @Test
    void vmarAndHandleCallsFollowZircon() {
        ContractFixture f = new ContractFixture(BootOptions.defaults().withDebuggingSyscalls(true));
        Kernel kernel = f.kernel;
        VmarResult sub = kernel.vmarAllocate(f.rootVmar, VmOptions.CAN_MAP_READ | VmOptions.CAN_MAP_WRITE
                | VmOptions.CAN_MAP_SPECIFIC, 0, 16 * PAGE);
        assertEquals(Status.OK, sub.status());
        MapResult map = kernel.vmarMap(sub.vmar(), VmOptions.PERM_READ | VmOptions.PERM_WRITE | VmOptions.SPECIFIC,
                4 * PAGE, f.vmo, 0, PAGE);
        assertEquals(Status.OK, map.status());
        assertEquals(sub.address() + 4 * PAGE, map.address());
        assertEquals(Status.OK, kernel.vmarProtect(sub.vmar(), VmOptions.PERM_READ, map.address(), PAGE));
        assertEquals(VmOptions.PERM_READ, entryAt(kernel, f.process, map.address()).permissions());
        assertEquals(Status.OK, kernel.objectSetName(f.vmo, "named"));
        assertEquals("named", entryAt(kernel, f.process, map.address()).name(), "ZX_PROP_NAME names the VMO");
        assertEquals(Status.ERR_ACCESS_DENIED, kernel.vmarProtect(sub.vmar(), VmOptions.PERM_EXECUTE, map.address(),
                PAGE), "the sub-VMAR cannot map executable");

        int readOnly = kernel.handleDuplicate(f.process, Rights.READ).handle();
        assertEquals(Status.ERR_ACCESS_DENIED, kernel.readMemory(readOnly, map.address(), new byte[1], 1).status(),
                "reading process memory needs WRITE as well");
        HandleResult replaced = kernel.handleReplace(readOnly, Rights.SAME_RIGHTS);
        assertEquals(Status.OK, replaced.status());
        assertEquals(Status.ERR_BAD_HANDLE, kernel.handleClose(readOnly), "replace invalidates the old handle");
        assertEquals(Status.OK, kernel.handleClose(replaced.handle()));

        assertEquals(Status.OK, kernel.vmarUnmap(sub.vmar(), map.address(), PAGE));
        assertEquals(Status.ERR_NOT_FOUND, kernel.readMemory(f.process, map.address(), new byte[1], 1).status());
        assertEquals(Status.ERR_ACCESS_DENIED, kernel.taskKill(f.vmo), "rights (DESTROY) come before the type");
        int noDestroy = kernel.handleDuplicate(f.process, Rights.DEFAULT_PROCESS & ~Rights.DESTROY).handle();
        assertEquals(Status.ERR_ACCESS_DENIED, kernel.taskKill(noDestroy));
        assertEquals(Status.OK, kernel.taskKill(f.process));
        assertEquals(Status.ERR_BAD_STATE, kernel.readMemory(f.process, f.address, new byte[1], 1).status());
        assertEquals(Status.ERR_BAD_STATE, kernel.processMaps(f.process).status(), "its address space is gone");
    }

    @Test
    void processMemoryCallsRefuseBadBuffersAndTransferOtherwise() {
        ContractFixture f = new ContractFixture(BootOptions.defaults().withDebuggingSyscalls(true));
        byte[] data = {1, 2, 3, 4};
        assertEquals(new IoResult(Status.OK, 4), f.kernel.writeMemory(f.process, f.address, data, 4));
        byte[] back = new byte[4];
        assertEquals(new IoResult(Status.OK, 4), f.kernel.readMemory(f.process, f.address, back, 4));
        assertArrayEquals(data, back);
        assertEquals(Status.ERR_INVALID_ARGS, f.kernel.writeMemory(f.process, f.address, null, 4).status());
        assertEquals(Status.ERR_INVALID_ARGS, f.kernel.writeMemory(f.process, f.address, data, 5).status());
        assertEquals(Status.ERR_INVALID_ARGS, f.kernel.readMemory(f.process, f.address, data, 0).status());
        assertEquals(Status.ERR_INVALID_ARGS,
                f.kernel.readMemory(f.process, f.address, data, Kernel.MAX_DEBUG_IO + 1L).status());
    }

    // ---- observing ----

    @Test
    void listenerMethodsAreDefaultNoOps() throws NoSuchMethodException {
        assertTrue(KernelListener.class.getMethod("memoryChanged", MemoryChange.class).isDefault());
        assertTrue(KernelListener.class.getMethod("structureChanged", StructureChange.class).isDefault());
        assertTrue(KernelListener.class.getMethod("syscallCompleted", SyscallRecord.class).isDefault());
    }

    @Test
    void listenersHearChangesOnTheCallingThreadAfterTheLockIsReleasedUntilClosed() throws Exception {
        Kernel kernel = Kernel.boot(BootOptions.defaults());
        int vmo = kernel.vmoCreate(PAGE, 0).handle();
        List<String> heard = new ArrayList<>();
        Thread caller = Thread.currentThread();
        Subscription s = kernel.subscribe(new KernelListener() {
            @Override
            public void memoryChanged(MemoryChange change) {
                assertSame(caller, Thread.currentThread());
                heard.add("memory " + change.vmoKoid() + " " + change.offset() + "+" + change.length());
                // another thread must get through the kernel now: nothing may still hold its lock
                Thread other = new Thread(() -> kernel.vmoCreate(PAGE, 0));
                other.start();
                try {
                    other.join(5000);
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
                heard.add(other.isAlive() ? "blocked" : "free");
            }

            @Override
            public void structureChanged(StructureChange change) {
                if (Thread.currentThread() != caller) {
                    return; // the probe thread's own vmoCreate
                }
                heard.add("structure " + change.kind());
            }

            @Override
            public void syscallCompleted(SyscallRecord record) {
                if (Thread.currentThread() != caller) {
                    return;
                }
                heard.add(record.name() + " " + record.status() + (record.arguments().isEmpty() ? "" : " args")
                        + " " + record.actual());
            }
        });
        assertEquals(Status.OK, kernel.vmoWrite(vmo, new byte[8], 16, 8));
        assertEquals("free", heard.get(1));
        assertTrue(heard.get(0).startsWith("memory ") && heard.get(0).endsWith(" 16+8"), heard.get(0));
        assertTrue(heard.contains("zx_vmo_write OK args 0"), heard.toString());
        heard.clear();
        s.close();
        kernel.vmoWrite(vmo, new byte[8], 0, 8);
        assertEquals(List.of(), heard, "closing the subscription stops delivery");
    }
}
