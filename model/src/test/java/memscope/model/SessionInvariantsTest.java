package memscope.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import memscope.model.ForgedSession.HandleRecord;
import memscope.model.ForgedSession.Mapping;
import memscope.model.ForgedSession.Process;
import memscope.model.ForgedSession.Vmar;
import memscope.model.ForgedSession.Vmo;

/**
 * A session whose framing and fields are all well formed but whose state no live kernel could reach is refused,
 * naming the rule it breaks and the object that breaks it, in English and Chinese; the open kernel is untouched.
 */
class SessionInvariantsTest {
    private static final int RW = VmOptions.PERM_READ | VmOptions.PERM_WRITE;
    private static final int CAN_MAP_RW = VmOptions.CAN_MAP_READ | VmOptions.CAN_MAP_WRITE;

    @TempDir
    Path dir;

    private Kernel live;
    private String liveBefore;

    @BeforeEach
    void openAKernel() {
        live = SessionRoundTripTest.richKernel();
        liveBefore = SessionRoundTripTest.describe(live);
    }

    private Kernel load(ForgedSession s, PageSourceResolver resolver) throws IOException, SessionException {
        return Sessions.load(Files.write(dir.resolve("forged.msession"), s.bytes()), resolver);
    }

    /** Forges the typical session changed by {@code change}; expects a refusal whose words include each of these. */
    private SessionException refused(Consumer<ForgedSession> change, String english, String chinese)
            throws IOException {
        ForgedSession s = ForgedSession.typical();
        change.accept(s);
        SessionException e = assertThrows(SessionException.class, () -> load(s, PageSourceResolver.NONE));
        assertTrue(e.getMessage().contains(english), () -> "\"" + e.getMessage() + "\" should say " + english);
        String zh = e.text().in(Locale.SIMPLIFIED_CHINESE);
        assertTrue(zh.contains(chinese), () -> "\"" + zh + "\" should say " + chinese);
        assertEquals(liveBefore, SessionRoundTripTest.describe(live), "the open kernel must not change");
        return e;
    }

    @Test
    void theTypicalForgeryIsAStateALiveKernelReachesAndLoads() throws Exception {
        Kernel k = load(ForgedSession.typical(), PageSourceResolver.NONE);
        assertEquals(Status.OK, k.writeMemory(ForgedSession.PROCESS_HANDLE, Kernel.USER_ASPACE_BASE,
                new byte[] {1}, 1).status());
        assertEquals(Status.ERR_ACCESS_DENIED, k.writeMemory(ForgedSession.PROCESS_HANDLE, ForgedSession.VDSO_BASE,
                new byte[] {1}, 1).status());
    }

    // ---- the vDSO ----

    @Test
    void aHandleToTheVdsoIsRefusedWhateverItsRights() throws IOException {
        SessionException e = refused(s -> s.handles.add(new HandleRecord(0x2223, 1024, Rights.DEFAULT_VMO)),
                "no handle names the vDSO", "没有任何句柄指向 vDSO");
        assertEquals("forged.msession: the session breaks a rule every live kernel keeps: no handle names the vDSO"
                + " (no call hands one out) (handle 0x2223 to VMO 1024 with rights"
                + " DUPLICATE|TRANSFER|READ|WRITE|MAP|GET_PROPERTY|SET_PROPERTY|SIGNAL|WAIT|INSPECT)", e.getMessage());
        refused(s -> s.handles.add(new HandleRecord(0x2223, 1024, Rights.READ | Rights.EXECUTE | Rights.MAP)),
                "no handle names the vDSO", "没有任何句柄指向 vDSO");
    }

    @Test
    void aVdsoMappingSavedAsOrdinaryIsRefused() throws IOException {
        refused(s -> {
            s.vdsoMapping().permanent = false;
            s.vdsoMapping().maxPerms = ForgedSession.RWX;
        }, "the vDSO's mapping is permanent (the mapping at 0x7fffffffd000 in VMAR 1026)", "vDSO 的映射是永久映射");
        refused(s -> s.vdsoMapping().maxPerms = ForgedSession.RWX,
                "the vDSO's mapping may at most be read and executed (r-x), never written", "永远不可写");
        refused(s -> {
            s.vdsoMapping().maxPerms = ForgedSession.RWX;
            s.vdsoMapping().perms = ForgedSession.RWX;
        }, "never written", "永远不可写");
    }

    @Test
    void aVdsoLoweredByMachSetMaximumIsAccepted() throws Exception {
        ForgedSession s = ForgedSession.typical();
        s.vdsoMapping().maxPerms = VmOptions.PERM_READ; // vm_protect(set_maximum=TRUE, VM_PROT_READ) does this
        s.vdsoMapping().perms = VmOptions.PERM_READ;
        load(s, PageSourceResolver.NONE);
    }

    @Test
    void anOrdinaryPermanentMappingIsRefused() throws IOException {
        refused(s -> s.mappings.get(0).permanent = true,
                "only the vDSO's mappings are permanent (the mapping at 0x1000000 in VMAR 1026)",
                "只有 vDSO 的映射是永久映射");
    }

    @Test
    void aLiveProcessWithoutItsVdsoOrWithTwoIsRefused() throws IOException {
        refused(s -> s.mappings.remove(s.vdsoMapping()),
                "every live process maps the whole vDSO exactly once (process 1025)", "恰好映射一次完整的 vDSO");
        refused(s -> s.mappings.add(new Mapping(1026, 0x2000000, Vdso.SIZE, 1024, 0, ForgedSession.R_X,
                ForgedSession.R_X, true)), "maps the whole vDSO exactly once", "恰好映射一次完整的 vDSO");
        refused(s -> s.vdsoMapping().size = Kernel.PAGE_SIZE, "maps the whole vDSO exactly once",
                "恰好映射一次完整的 vDSO");
    }

    @Test
    void aVdsoSplitByProtectIsAccepted() throws Exception {
        ForgedSession s = ForgedSession.typical();
        s.vdsoMapping().size = Kernel.PAGE_SIZE;
        s.mappings.add(new Mapping(1026, ForgedSession.VDSO_BASE + Kernel.PAGE_SIZE, Kernel.PAGE_SIZE, 1024,
                Kernel.PAGE_SIZE, ForgedSession.R_X, ForgedSession.R_X, true));
        load(s, PageSourceResolver.NONE);
    }

    @Test
    void aVdsoOutsideARootVmarOrBeyondItsSizeIsRefused() throws IOException {
        refused(s -> {
            s.vmars.add(new Vmar(1028, 1025, 1026, 0x2000000, 0x10000, ForgedSession.ROOT_FLAGS, false));
            s.mappings.add(new Mapping(1028, 0x2000000, Vdso.SIZE, 1024, 0, ForgedSession.R_X, ForgedSession.R_X,
                    true));
        }, "the vDSO is mapped directly in a root VMAR", "vDSO 直接映射在根 VMAR 中");
        refused(s -> {
            s.vdsoMapping().base -= 2 * Kernel.PAGE_SIZE;
            s.vdsoMapping().size = 4 * Kernel.PAGE_SIZE;
        }, "within the vDSO's 8 KiB", "不超出 vDSO 的 8 KiB");
    }

    // ---- VMARs and processes ----

    @Test
    void aDestroyedVmarHoldingALiveChildIsRefused() throws IOException {
        refused(s -> {
            s.vmars.add(new Vmar(1028, 1025, 1026, 0x2000000, 0x10000, ForgedSession.ROOT_FLAGS, true));
            s.vmars.add(new Vmar(1029, 1025, 1028, 0x2000000, 0x1000, ForgedSession.ROOT_FLAGS, false));
        }, "a destroyed VMAR holds no sub-VMARs and no mappings (VMAR 1028)", "已销毁的 VMAR 不包含任何子 VMAR 或映射");
    }

    @Test
    void aDeadProcessWithALiveVmarIsRefused() throws IOException {
        refused(s -> {
            s.processes.add(new Process(1030, "dead", false));
            s.vmars.add(Vmar.root(1031, 1030, true));
            s.vmars.add(new Vmar(1029, 1030, 1031, 0x2000000, 0x1000, ForgedSession.ROOT_FLAGS, false));
        }, "a dead process has no address space (all its VMARs are destroyed) (process 1030)", "已终止的进程没有地址空间");
    }

    @Test
    void aDeadProcessWithItsDestroyedVmarsLoads() throws Exception {
        ForgedSession s = ForgedSession.typical();
        s.processes.add(new Process(1030, "dead", false));
        s.vmars.add(Vmar.root(1031, 1030, true));
        s.vmars.add(new Vmar(1032, 1030, 1031, 0x2000000, 0x1000, VmOptions.CAN_MAP_READ, true));
        s.handles.add(new HandleRecord(0x2227, 1032, Rights.DEFAULT_VMAR | Rights.READ));
        load(s, PageSourceResolver.NONE);
    }

    @Test
    void aSecondRootOrAMisshapenRootIsRefused() throws IOException {
        refused(s -> s.vmars.add(0, Vmar.root(1028, 1025, true)), "a process has one root VMAR (process 1025)",
                "一个进程只有一个根 VMAR");
        refused(s -> s.vmars.get(0).flags = VmOptions.CAN_MAP_PERMS,
                "a root VMAR spans the whole user address space", "根 VMAR 覆盖整个用户地址空间");
        refused(s -> {
            s.vmars.get(0).size -= Kernel.PAGE_SIZE;
            s.vdsoMapping().base -= Kernel.PAGE_SIZE;
        }, "a root VMAR spans the whole user address space", "根 VMAR 覆盖整个用户地址空间");
    }

    @Test
    void aSubVmarThatMayMapMoreThanItsParentIsRefused() throws IOException {
        refused(s -> {
            s.vmars.add(new Vmar(1028, 1025, 1026, 0x2000000, 0x10000, CAN_MAP_RW, false));
            s.vmars.add(new Vmar(1029, 1025, 1028, 0x2000000, 0x1000, VmOptions.CAN_MAP_PERMS, false));
        }, "a sub-VMAR may map no permission that its parent may not map (VMAR 1029)", "子 VMAR 不能映射其父 VMAR 不能映射的权限");
    }

    @Test
    void mappingsOutsideTheirVmarOverlappingOrBeyondTheirMaximumAreRefused() throws IOException {
        refused(s -> {
            s.vmars.add(new Vmar(1028, 1025, 1026, 0x2000000, 0x10000, CAN_MAP_RW, false));
            s.mappings.add(new Mapping(1028, 0x2010000, Kernel.PAGE_SIZE, 1027, 0, RW, RW, false));
        }, "overlaps another region or lies outside VMAR 1028", "位于 VMAR 1028 之外");
        refused(s -> s.mappings.add(new Mapping(1026, Kernel.USER_ASPACE_BASE, Kernel.PAGE_SIZE, 1027, 0, RW, RW,
                false)), "overlaps another region", "重叠");
        refused(s -> s.mappings.get(0).maxPerms = VmOptions.PERM_READ, "beyond its maximum", "超出其最大权限");
    }

    // ---- handles ----

    @Test
    void rightsNoObjectOfThatTypeCanHaveAreRefused() throws IOException {
        refused(s -> s.handles.set(0, new HandleRecord(ForgedSession.PROCESS_HANDLE, 1025,
                Rights.DEFAULT_PROCESS | Rights.MAP)), "a handle's rights never exceed what its object type can have"
                + " (handle 0x1237 to PROCESS 1025", "句柄的权限从不超出其对象类型可拥有的权限");
        refused(s -> s.handles.set(2, new HandleRecord(ForgedSession.VMO_HANDLE, 1027,
                Rights.DEFAULT_VMO | Rights.MANAGE_PROCESS)), "never exceed what its object type can have",
                "句柄的权限从不超出");
        // only vmo_create with ZX_VMO_RESIZABLE gives RESIZE
        refused(s -> s.handles.set(2, new HandleRecord(ForgedSession.VMO_HANDLE, 1027,
                Rights.DEFAULT_VMO | Rights.RESIZE)), "never exceed what its object type can have", "句柄的权限从不超出");
        refused(s -> s.handles.set(1, new HandleRecord(ForgedSession.ROOT_HANDLE, 1026,
                Rights.DEFAULT_VMAR | Rights.MAP)), "never exceed what its object type can have", "句柄的权限从不超出");
    }

    @Test
    void theRightsLiveCallsGiveAreAccepted() throws Exception {
        ForgedSession s = ForgedSession.typical();
        s.vmos.get(0).resizable = true;
        s.handles.set(2, new HandleRecord(ForgedSession.VMO_HANDLE, 1027,
                Rights.DEFAULT_VMO | Rights.RESIZE | Rights.EXECUTE)); // vmo_replace_as_executable adds EXECUTE
        s.vmars.add(new Vmar(1028, 1025, 1026, 0x2000000, 0x10000, CAN_MAP_RW, false));
        s.handles.add(new HandleRecord(0x2223, 1028, Rights.DEFAULT_VMAR | Rights.READ | Rights.WRITE));
        load(s, PageSourceResolver.NONE);
    }

    @Test
    void aVmarHandleWithRightsItsVmarMayNotMapIsRefused() throws IOException {
        refused(s -> {
            s.vmars.add(new Vmar(1028, 1025, 1026, 0x2000000, 0x10000, VmOptions.CAN_MAP_READ, false));
            s.handles.add(new HandleRecord(0x2223, 1028, Rights.DEFAULT_VMAR | Rights.READ | Rights.WRITE));
        }, "a VMAR handle has READ, WRITE or EXECUTE only where the VMAR may map them (handle 0x2223 to VMAR 1028",
                "VMAR 句柄只有在该 VMAR 可映射相应权限时才拥有");
    }

    @Test
    void aWritableMappingInAVmarThatMayOnlyMapReadsIsRefused() throws IOException {
        refused(s -> {
            s.vmars.add(new Vmar(1028, 1025, 1026, 0x2000000, 0x10000, VmOptions.CAN_MAP_READ, false));
            s.mappings.add(new Mapping(1028, 0x2000000, Kernel.PAGE_SIZE, 1027, 0, VmOptions.PERM_READ,
                    VmOptions.PERM_READ | VmOptions.PERM_WRITE, false));
        }, "a mapping's maximum permissions lie within what its VMAR may map (CAN_MAP_*) (the mapping at 0x2000000",
                "映射的最大权限不超过其 VMAR 允许映射的范围");
    }

    @Test
    void whatALiveKernelMakesInARestrictedVmarSavesAndLoads() throws Exception {
        Kernel live = Kernel.boot(BootOptions.defaults());
        ProcessResult p = live.processCreate("p");
        VmarResult sub = live.vmarAllocate(p.rootVmar(), VmOptions.CAN_MAP_READ, 0, 4 * Kernel.PAGE_SIZE);
        int vmo = live.vmoCreate(Kernel.PAGE_SIZE, 0).handle();
        MapResult m = live.vmarMap(sub.vmar(), VmOptions.PERM_READ, 0, vmo, 0, Kernel.PAGE_SIZE);
        int task = live.mach().taskForProcess(p.process(), TaskFlavor.CONTROL).port();
        // VM_PROT_COPY cannot lift the copy's maximum past what the VMAR may map
        assertEquals(KernReturn.PROTECTION_FAILURE, live.mach().vmProtect(task, m.address(), Kernel.PAGE_SIZE, false,
                VmProt.COPY | VmProt.READ | VmProt.WRITE));
        assertEquals(KernReturn.SUCCESS, live.mach().vmProtect(task, m.address(), Kernel.PAGE_SIZE, false,
                VmProt.COPY | VmProt.READ));
        java.nio.file.Path file = java.nio.file.Files.createTempFile("restricted", ".msession");
        try {
            Sessions.save(live, file);
            Kernel back = Sessions.load(file, PageSourceResolver.NONE);
            assertEquals(VmProt.READ, back.mach().vmRegion(task, m.address()).maxProtection());
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    @Test
    void theLowBitsRuleIsStatedTheRightWayRound() throws IOException {
        SessionException e = refused(s -> s.handles.add(new HandleRecord(0x2220, 1025, Rights.DEFAULT_PROCESS)),
                "0x2220 is not a handle value (a handle value always has both low bits set)", "句柄值的最低两位总是都被置位");
        assertTrue(e.getMessage().contains("section HNDL"), e.getMessage());
        refused(s -> s.closed.add(0x4440), "0x4440 is not a handle value", "不是句柄值");
    }

    @Test
    void closedValuesOutOfOrderOrRepeatedAreRefused() throws IOException {
        refused(s -> {
            s.closed.add(0x4447);
            s.closed.add(0x4443);
        }, "closed handle value 0x4443 is out of order or repeated", "顺序错误或重复");
        refused(s -> {
            s.closed.add(0x4447);
            s.closed.add(0x4447);
        }, "closed handle value 0x4447 is out of order or repeated", "顺序错误或重复");
    }

    @Test
    void closedValuesStayClosedAfterLoading() throws Exception {
        ForgedSession s = ForgedSession.typical();
        s.closed.add(0x4443);
        s.closed.add(0x4447);
        Kernel k = load(s, PageSourceResolver.NONE);
        assertArrayEquals(new int[] {0x4443, 0x4447}, k.state().handles.retired());
    }

    // ---- objects ----

    @Test
    void koidsOutsideTheKernelsRangeAreRefused() throws IOException {
        refused(s -> s.vdsoKoid = 1030, "the vDSO koid 1030 is not 1024", "vDSO 的 koid 1030 不是 1024");
        refused(s -> s.processes.get(0).koid = 1024, "is out of range (1025..2000)", "超出范围（1025..2000）");
        refused(s -> s.vmos.get(0).koid = 1025, "the koid 1025 of a VMO is used twice", "被使用了两次");
    }

    @Test
    void aNameLongerThanAnyLiveNameIsRefused() throws IOException {
        refused(s -> s.processes.get(0).name = "p".repeat(32),
                "an object's name is at most 31 characters (process 1025)", "对象名称最多 31 个字符");
    }

    @Test
    void aResizableVmoWithADescribedSourceIsRefused() throws Exception {
        ForgedSession s = ForgedSession.typical();
        s.vmos.add(new Vmo(1028, Kernel.PAGE_SIZE));
        s.vmos.get(1).descriptor = "test:disk";
        s.vmos.get(1).resizable = true;
        s.handles.add(new HandleRecord(0x2223, 1028, Rights.DEFAULT_VMO));
        PageSourceResolver resolver = (descriptor, size) -> PageSource.ZERO::readPage;
        SessionException e = assertThrows(SessionException.class, () -> load(s, resolver));
        assertTrue(e.getMessage().contains("a VMO whose pages come from a file or another source is not resizable"
                + " (VMO 1028)"), e.getMessage());
        s.vmos.get(1).resizable = false;
        load(s, resolver);
    }
}
