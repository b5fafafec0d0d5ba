package memscope.model.linux;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

import memscope.model.AddressSpaceLayout;
import memscope.model.BootOptions;
import memscope.model.Errno;
import memscope.model.Kernel;
import memscope.model.KernelListener;
import memscope.model.MapEntry;
import memscope.model.MemoryChange;
import memscope.model.MirroredRegion;
import memscope.model.PageSource;
import memscope.model.ProcessResult;
import memscope.model.Rule;
import memscope.model.SessionException;
import memscope.model.Sessions;
import memscope.model.Status;
import memscope.model.StructureChange;
import memscope.model.SyscallRecord;
import memscope.model.VmOptions;
import memscope.model.text.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model's additions for outside address spaces, through the public API only, without a live process. */
class MirrorTest {
    private static final int PAGE = Kernel.PAGE_SIZE;
    private static final int R = VmOptions.PERM_READ;
    private static final int RW = VmOptions.PERM_READ | VmOptions.PERM_WRITE;

    private final Kernel kernel = Kernel.boot(BootOptions.defaults().withDebuggingSyscalls(true));
    private final List<Object> heard = new ArrayList<>();
    /** What the "outside" process holds: page i is filled with byte value {@code contents[i]}. */
    private final byte[] contents = {1, 2, 3, 4};

    {
        kernel.subscribe(new KernelListener() {
            @Override
            public void memoryChanged(MemoryChange change) {
                heard.add(change);
            }

            @Override
            public void structureChanged(StructureChange change) {
                heard.add(change);
            }

            @Override
            public void syscallCompleted(SyscallRecord record) {
                heard.add(record);
            }
        });
    }

    private final PageSource outside = (index, page) -> {
        if (contents[(int) index] == 0) {
            throw new UncheckedIOException(new java.io.IOException("refused"));
        }
        java.util.Arrays.fill(page, contents[(int) index]);
    };

    private ProcessResult linux() {
        ProcessResult p = kernel.processCreate("linux: test (1)", AddressSpaceLayout.LINUX_X86_64);
        assertEquals(Status.OK, p.status());
        return p;
    }

    private static MirroredRegion region(long base, int pages, PageSource source) {
        return new MirroredRegion(base, (long) pages * PAGE, RW, "[anon]", source, false);
    }

    @Test
    void aLinuxLayoutGivesARootVmarOverLinuxUserSpaceWithoutTheZirconVdso() {
        ProcessResult p = linux();
        List<MapEntry> maps = kernel.processMaps(p.process()).entries();
        assertEquals(1, maps.size(), "no vDSO mapping");
        assertEquals(0x1000, maps.get(0).base());
        assertEquals(0x7ffffffff000L, maps.get(0).base() + maps.get(0).size());
        assertEquals(AddressSpaceLayout.LINUX_X86_64, kernel.inspector().layout(p.process()).orElseThrow());
        // the Zircon shape is unchanged, and a bad shape is refused
        ProcessResult z = kernel.processCreate("zircon");
        assertEquals(AddressSpaceLayout.ZIRCON, kernel.inspector().layout(z.process()).orElseThrow());
        assertEquals(Status.ERR_INVALID_ARGS,
                kernel.processCreate("x", new AddressSpaceLayout(0, 0x10000, false)).status());
        assertEquals(Status.ERR_INVALID_ARGS,
                kernel.processCreate("x", new AddressSpaceLayout(0x1000, 1L << 48, false)).status());
        assertEquals(Status.ERR_INVALID_ARGS, kernel.processCreate("x", null).status());
    }

    @Test
    void updateIsAllOrNothing() {
        ProcessResult p = linux();
        assertEquals(Status.OK, kernel.mirror().update(p.process(), List.of(), List.of(region(0x10000, 2, outside))));
        heard.clear();
        // a new region over a mapping that stays, one outside user space, one without source, an unknown base
        assertEquals(Status.ERR_ALREADY_EXISTS, kernel.mirror().update(p.process(), List.of(),
                List.of(region(0x40000, 1, outside), region(0x11000, 1, outside))));
        assertEquals(Status.ERR_INVALID_ARGS, kernel.mirror().update(p.process(), List.of(),
                List.of(region(0x7ffffffff000L, 1, outside))));
        assertEquals(Status.ERR_INVALID_ARGS, kernel.mirror().update(p.process(), List.of(),
                List.of(region(0x40000, 1, null))));
        assertEquals(Status.ERR_NOT_FOUND, kernel.mirror().update(p.process(), List.of(0x11000L), List.of()));
        assertTrue(heard.isEmpty(), "refused: nothing changed, nothing heard");
        assertEquals(2, kernel.processMaps(p.process()).entries().size());
        heard.clear();
        // the same region replaced in one step: unmapped, then mapped again grown
        assertEquals(Status.OK, kernel.mirror().update(p.process(), List.of(0x10000L),
                List.of(region(0x10000, 3, outside))));
        assertEquals(List.of(new StructureChange(StructureChange.Kind.MAPPING,
                kernel.inspector().handle(p.process()).orElseThrow().koid())), heard);
        assertEquals(3L * PAGE, kernel.processMaps(p.process()).entries().get(1).size());
    }

    @Test
    void anOutsideChangeUpdatesWrittenPagesOnlyWhereItHappenedAndIsNoSyscall() {
        ProcessResult p = linux();
        kernel.mirror().update(p.process(), List.of(), List.of(region(0x10000, 2, outside)));
        assertEquals(Status.OK, kernel.writeMemory(p.process(), 0x10000, new byte[] {9}, 1).status());
        contents[0] = 7;
        heard.clear();
        assertEquals(Status.OK, kernel.mirror().sourceChanged(p.process(), 0x10010, 2));
        long koid = kernel.inspector().mappingAt(p.process(), 0x10000).orElseThrow().vmoKoid();
        assertEquals(List.of(new MemoryChange(koid, 16, 2)), heard, "a memory change, and no syscall record");
        byte[] b = new byte[20];
        kernel.readMemory(p.process(), 0x10000, b, 20);
        assertEquals(9, b[0], "the edit stays");
        assertEquals(1, b[15], "unchanged outside the range");
        assertEquals(7, b[16]);
        assertEquals(7, b[17]);
        assertEquals(1, b[18]);
    }

    @Test
    void peekAllReadsAroundAnUnreadablePageInTheMiddle() {
        ProcessResult p = linux();
        contents[1] = 0; // page 1 cannot be read
        kernel.mirror().update(p.process(), List.of(), List.of(region(0x10000, 3, outside)));
        byte[] window = new byte[3 * PAGE];
        BitSet copied = new BitSet();
        assertEquals(2 * PAGE, kernel.inspector().peekAll(p.process(), 0x10000, window, copied));
        assertEquals(PAGE, copied.nextClearBit(0));
        assertEquals(2 * PAGE, copied.nextSetBit(PAGE));
        assertEquals(3, window[2 * PAGE]);
        assertEquals(0, window[PAGE]);
        assertEquals(PAGE, kernel.inspector().peek(p.process(), 0x10000, window), "peek stops at the hole");
    }

    @Test
    void anExitedProcessIsDeadWithoutASyscallAndAVdsoRegionIsProtected() {
        ProcessResult p = linux();
        kernel.mirror().update(p.process(), List.of(), List.of(
                new MirroredRegion(0x20000, PAGE, R | VmOptions.PERM_EXECUTE, "[vdso]", outside, true)));
        assertEquals(Status.ERR_ACCESS_DENIED, kernel.writeMemory(p.process(), 0x20000, new byte[1], 1).status());
        heard.clear();
        assertEquals(Status.OK, kernel.mirror().exited(p.process()));
        long koid = kernel.inspector().handle(p.process()).orElseThrow().koid();
        assertFalse(kernel.inspector().process(koid).orElseThrow().alive());
        assertTrue(heard.stream().noneMatch(o -> o instanceof SyscallRecord));
        assertEquals(Status.ERR_BAD_STATE, kernel.mirror().update(p.process(), List.of(), List.of()));
    }

    @Test
    void aForeignCallIsRecordedWithItsErrno() {
        SyscallRecord r = kernel.mirror().record("process_vm_writev", "pid=1", Errno.EFAULT, 4, 0, Rule.OTHER,
                0x55d0c000L);
        assertEquals(List.of(r), heard);
        assertEquals("EFAULT", r.resultName());
        assertFalse(r.ok());
        assertTrue(r.sequence() > 0);
        assertEquals("Bad address", Errno.EFAULT.words().english());
        assertEquals("错误的地址", Errno.EFAULT.words().in(Locale.SIMPLIFIED_CHINESE));
        assertTrue(kernel.mirror().record("pwrite64", "", Errno.OK, 4, 2, Rule.OTHER, 0).partial());
    }

    @Test
    void aSessionCannotHoldALiveMirroredProcess(@TempDir Path dir) {
        ProcessResult p = linux();
        SessionException e = assertThrows(SessionException.class, () -> Sessions.save(kernel, dir.resolve("s")));
        assertEquals("session.foreignProcess", ((Text) e.text()).key());
        kernel.mirror().exited(p.process());
        org.junit.jupiter.api.Assertions.assertDoesNotThrow(() -> Sessions.save(kernel, dir.resolve("dead")),
                "a dead one has no memory left to hold");
    }

    @Test
    void notPermittedSaysWhy() {
        Text other = AttachPermission.reason(42, 1000, "alice", 1001, 0, false);
        assertEquals("PID 42 belongs to alice (uid 1000), not to you (uid 1001); only root may read another user's"
                + " process", other.english());
        assertEquals("permission.scope1", AttachPermission.reason(42, 1001, "bob", 1001, 1, false).key());
        assertEquals("permission.notDumpable", AttachPermission.reason(42, 1001, "bob", 1001, 1, true).key());
        assertEquals("permission.scope2", AttachPermission.reason(42, 1001, "bob", 1001, 2, true).key());
        assertEquals("permission.scope3", AttachPermission.reason(42, 0, "root", 0, 3, true).key());
        assertEquals("permission.notDumpable", AttachPermission.reason(42, 1000, "alice", 0, 1, false).key(),
                "root passes the user and Yama checks");
        assertTrue(AttachPermission.reason(42, 1000, "alice", 1001, 0, false).in(Locale.SIMPLIFIED_CHINESE)
                .contains("alice"));
    }
}
