package memscope.model.linux;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

import memscope.model.AddressSpaceLayout;
import memscope.model.BootOptions;
import memscope.model.Errno;
import memscope.model.IoResult;
import memscope.model.Kernel;
import memscope.model.KernelInspector;
import memscope.model.KernelListener;
import memscope.model.MapEntry;
import memscope.model.Rule;
import memscope.model.Status;
import memscope.model.SyscallRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Attaching to a live child process: its maps, its memory read lazily, its vDSO, its refusals. */
class LinuxAttachTest {
    @TempDir
    Path dir;

    private final Kernel kernel = Kernel.boot(BootOptions.defaults().withDebuggingSyscalls(true));
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private <T extends AutoCloseable> T keep(T c) {
        open.add(c);
        return c;
    }

    private LinuxMapping named(LinuxProcess p, String path) {
        return p.mappings().stream().filter(m -> m.path().equals(path)).findFirst().orElseThrow();
    }

    @Test
    void theMappingsMatchProcMapsLineForLine() throws Exception {
        LiveChild child = keep(LiveChild.sleepCopy(dir));
        LinuxProcess p = keep(LinuxProcess.attach(kernel, child.pid()));
        List<String> lines = child.mapsLines();
        List<MapEntry> entries = kernel.processMaps(p.processHandle()).entries();
        assertEquals(AddressSpaceLayout.LINUX_X86_64.base(), entries.get(0).base());
        assertEquals(AddressSpaceLayout.LINUX_X86_64.end(), entries.get(0).base() + entries.get(0).size());
        List<MapEntry> mappings = entries.stream().filter(MapEntry::isMapping).toList();
        int shown = 0;
        for (String line : lines) {
            String[] f = line.trim().split("\\s+", 6);
            String[] range = f[0].split("-");
            long start = Long.parseUnsignedLong(range[0], 16);
            long end = Long.parseUnsignedLong(range[1], 16);
            String path = f.length > 5 ? f[5] : "";
            if (path.equals("[vsyscall]")) {
                assertTrue(p.notes().stream().anyMatch(n -> n.english().contains("[vsyscall]")), "noted");
                continue;
            }
            MapEntry e = mappings.get(shown++);
            assertEquals(start, e.base(), line);
            assertEquals(end - start, e.size(), line);
            assertEquals(f[1].substring(0, 3), permsText(e.permissions()), line);
            assertEquals(Regions.name(p.mappings().get(shown - 1)), e.name(), line);
            LinuxMapping m = p.mappings().get(shown - 1);
            assertEquals(Long.parseUnsignedLong(f[2], 16), m.offset(), line);
            assertEquals(path, m.path(), line);
            assertEquals(f[1], m.perms(), line);
        }
        assertEquals(shown, mappings.size());
        String name = "linux: sleep (" + child.pid() + ")";
        assertTrue(kernel.inspector().handles().stream().anyMatch(h -> h.name().equals(name)), name);
    }

    private static String permsText(int perms) {
        return ((perms & 1) != 0 ? "r" : "-") + ((perms & 2) != 0 ? "w" : "-") + ((perms & 4) != 0 ? "x" : "-");
    }

    @Test
    void theElfMagicIsReadAtTheExecutablesFirstMappingAndNothingBefore() throws Exception {
        LiveChild child = keep(LiveChild.sleepCopy(dir));
        LinuxProcess p = keep(LinuxProcess.attach(kernel, child.pid()));
        assertEquals(0, p.memory().pagesHeld(), "attaching reads no memory");
        LinuxMapping first = named(p, child.binary().toString());
        assertEquals(0, first.offset());
        byte[] magic = new byte[4];
        IoResult r = kernel.readMemory(p.processHandle(), first.start(), magic, 4);
        assertEquals(Status.OK, r.status());
        assertArrayEquals(new byte[] {0x7f, 'E', 'L', 'F'}, magic);
        assertEquals(1, p.memory().pagesHeld(), "one page looked at, one page read");
    }

    @Test
    void pagesLinuxRefusesReadAsUnreadableNeverZeros() throws Exception {
        LiveChild child = keep(LiveChild.sleepCopy(dir));
        LinuxProcess p = keep(LinuxProcess.attach(kernel, child.pid()));
        LinuxMapping vvar = named(p, "[vvar]");
        byte[] b = new byte[16];
        assertEquals(Status.ERR_IO, kernel.readMemory(p.processHandle(), vvar.start(), b, 16).status());
        // a window from the page before [vvar] into it: the readable part is there, the rest is marked missing
        long from = vvar.start() - 8;
        BitSet copied = new BitSet();
        byte[] window = new byte[16];
        boolean before = p.mappingAt(from).isPresent() && p.mappingAt(from).get().readable()
                && !p.mappingAt(from).get().path().startsWith("[vvar");
        int n = kernel.inspector().peekAll(p.processHandle(), from, window, copied);
        assertEquals(before ? 8 : 0, n);
        assertEquals(before ? 8 : 0, copied.cardinality());
        assertTrue(copied.get(8, 16).isEmpty(), "no byte of [vvar] is delivered");
    }

    @Test
    void theVdsoIsMarkedAndProtectedAsZirconsIs() throws Exception {
        LiveChild child = keep(LiveChild.sleepCopy(dir));
        LinuxProcess p = keep(LinuxProcess.attach(kernel, child.pid()));
        LinuxMapping vdso = named(p, "[vdso]");
        KernelInspector.MappingInfo m = kernel.inspector().mappingAt(p.processHandle(), vdso.start()).orElseThrow();
        assertTrue(m.permanent());
        assertTrue(kernel.inspector().vmo(m.vmoKoid()).orElseThrow().vdso());
        List<SyscallRecord> records = new ArrayList<>();
        kernel.subscribe(new KernelListener() {
            @Override
            public void syscallCompleted(SyscallRecord record) {
                records.add(record);
            }
        });
        byte[] elf = new byte[4];
        assertEquals(Status.OK, kernel.readMemory(p.processHandle(), vdso.start(), elf, 4).status());
        assertEquals(0x7f, elf[0]);
        IoResult w = kernel.writeMemory(p.processHandle(), vdso.start(), new byte[] {1}, 1);
        assertEquals(Status.ERR_ACCESS_DENIED, w.status());
        assertEquals(Rule.VDSO_PROTECTED, records.get(records.size() - 1).rule());
        assertEquals(Status.ERR_ACCESS_DENIED, kernel.vmarUnmap(p.rootVmarHandle(), vdso.start(), vdso.size()));
    }

    @Test
    void noSuchPidIsRefusedAndMakesNothing() {
        int before = kernel.inspector().handles().size();
        LinuxException e = assertThrows(LinuxException.class, () -> LinuxProcess.attach(kernel, 999_999_999));
        assertEquals(Errno.ESRCH, e.errno());
        assertEquals("No process has PID 999999999", e.text().english());
        assertEquals("没有 PID 为 999999999 的进程", e.text().in(Locale.SIMPLIFIED_CHINESE));
        assertThrows(LinuxException.class, () -> LinuxProcess.attach(kernel, 0));
        assertEquals(before, kernel.inspector().handles().size());
    }

    @Test
    void aProcessWithoutAddressSpaceIsRefused() throws Exception {
        // a zombie: sh starts a short sleep in the background and becomes a long one that never reaps it
        Process parent = new ProcessBuilder("sh", "-c", "sleep 0.05 & exec sleep 60").start();
        keep(() -> parent.destroyForcibly().waitFor());
        int zombie = -1;
        long deadline = System.nanoTime() + 20_000_000_000L; // the short sleep must start and end: slow when loaded
        while (zombie < 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
            for (ProcessHandle c : parent.toHandle().children().toList()) {
                if (ProcFs.state((int) c.pid()) == 'Z') {
                    zombie = (int) c.pid();
                }
            }
        }
        assertTrue(zombie > 0, "a zombie child");
        int pid = zombie;
        LinuxException e = assertThrows(LinuxException.class, () -> LinuxProcess.attach(kernel, pid));
        assertEquals(LinuxWords.of("attach.exited", pid, "sleep"), e.text());
        assertTrue(kernel.inspector().handles().isEmpty(), "nothing made in the kernel");
    }

    @Test
    void aKernelThreadIsRefused() throws Exception {
        // by the kernel's PF_KTHREAD flag: an empty command line and empty maps also fit a process that is exiting
        // right then (any process on the machine), which is refused as exited. The lowest PID: kthreadd (2), which
        // stays, where a kworker may end before the attach
        int kthread = -1;
        try (var dirs = java.nio.file.Files.newDirectoryStream(ProcFs.PROC, "[0-9]*")) {
            for (Path d : dirs) {
                int pid = Integer.parseInt(d.getFileName().toString());
                try {
                    if ((kthread < 0 || pid < kthread) && ProcFs.kernelThread(pid)) {
                        kthread = pid;
                    }
                } catch (java.io.IOException gone) {
                    // ended while we looked
                }
            }
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(kthread > 0, "no kernel thread visible in this namespace");
        int pid = kthread;
        LinuxException e = assertThrows(LinuxException.class, () -> LinuxProcess.attach(kernel, pid));
        assertEquals("attach.kernelThread", e.text().key());
        assertTrue(kernel.inspector().handles().isEmpty(), "nothing made in the kernel");
    }

    @Test
    void thePickerListsThisUsersProcessesWithNameCommandLineAndRss() throws Exception {
        LiveChild child = keep(LiveChild.sleepCopy(dir));
        LinuxProcessInfo info = LinuxProcesses.list().stream().filter(i -> i.pid() == child.pid()).findFirst()
                .orElseThrow();
        assertEquals("sleep", info.name());
        assertEquals(child.binary() + " 60", info.commandLine());
        assertTrue(info.rssBytes() > 0);
        assertEquals(ProcFs.ownUid(), info.uid());
        int self = (int) ProcessHandle.current().pid();
        assertTrue(LinuxProcesses.list().stream().anyMatch(i -> i.pid() == self));
    }

    @Test
    void theChildExitingMidSessionTurnsTheProcessDead() throws Exception {
        LiveChild child = keep(LiveChild.sleepCopy(dir));
        LinuxProcess p = keep(LinuxProcess.attach(kernel, child.pid()));
        long koid = kernel.inspector().handle(p.processHandle()).orElseThrow().koid();
        long heap = p.mappings().get(0).start();
        assertTrue(kernel.inspector().process(koid).orElseThrow().alive());
        child.kill();
        RefreshResult r = p.refresh(heap, 64);
        assertTrue(r.exited());
        assertFalse(kernel.inspector().process(koid).orElseThrow().alive());
        assertEquals(Status.ERR_BAD_STATE, kernel.readMemory(p.processHandle(), heap, new byte[4], 4).status());
        assertTrue(p.reload().exited());
        assertFalse(p.alive());
    }

    @Test
    void reloadReportsAMappingThatAppeared() throws Exception {
        LiveChild child = keep(LiveChild.compiled(dir, 0));
        LinuxProcess p = keep(LinuxProcess.attach(kernel, child.pid()));
        assertTrue(settled(p), "the child's maps settle");
        long mapped = Long.parseUnsignedLong(child.send("m").split(" ")[1], 16);
        assertTrue(kernel.inspector().mappingAt(p.processHandle(), mapped).isEmpty());
        MapsDiff diff = p.reload();
        assertFalse(diff.unchanged());
        assertTrue(diff.appeared().stream().anyMatch(m -> m.contains(mapped))
                || diff.changed().stream().anyMatch(c -> c.after().contains(mapped)), diff.toString());
        KernelInspector.MappingInfo m = kernel.inspector().mappingAt(p.processHandle(), mapped).orElseThrow();
        assertEquals(5, m.perms(), "r-x");
        assertTrue(settled(p), "nothing else appears");
    }

    /**
     * Reloads until a reload finds nothing new, for at most 5 s: a loaded machine may still be running the child's
     * start-up (its C library setting up) when the test first looks.
     */
    private static boolean settled(LinuxProcess p) throws Exception {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!p.reload().unchanged()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    @Test
    void aRefreshReportsTheBytesTheProcessChanged() throws Exception {
        LiveChild child = keep(LiveChild.compiled(dir, 0));
        LinuxProcess p = keep(LinuxProcess.attach(kernel, child.pid()));
        long koid = kernel.inspector().mappingAt(p.processHandle(), child.rw).orElseThrow().vmoKoid();
        byte[] row = new byte[32];
        assertEquals(Status.OK, kernel.readMemory(p.processHandle(), child.rw, row, 32).status());
        assertEquals(0x11, row[16]);
        List<memscope.model.MemoryChange> heard = new ArrayList<>();
        List<SyscallRecord> records = new ArrayList<>();
        kernel.subscribe(new KernelListener() {
            @Override
            public void memoryChanged(memscope.model.MemoryChange change) {
                heard.add(change);
            }

            @Override
            public void syscallCompleted(SyscallRecord record) {
                records.add(record);
            }
        });
        assertTrue(p.refresh(child.rw, 32).changed().isEmpty(), "nothing changed yet");
        assertEquals("incremented", child.send("i"));
        RefreshResult r = p.refresh(child.rw, 32);
        assertEquals(List.of(new RefreshResult.Range(child.rw + 16, child.rw + 18)), r.changed());
        assertEquals(List.of(new memscope.model.MemoryChange(koid, 16, 2)), heard);
        assertTrue(records.isEmpty(), "the world changed: no syscall");
        assertEquals(Status.OK, kernel.readMemory(p.processHandle(), child.rw, row, 32).status());
        assertEquals(0x12, row[16]);
        assertEquals(0x12, row[17]);
    }

    @Test
    void aRefreshKeepsASimulatedEditTheProcessDidNotTouch() throws Exception {
        LiveChild child = keep(LiveChild.compiled(dir, 0));
        LinuxProcess p = keep(LinuxProcess.attach(kernel, child.pid()));
        byte[] row = new byte[32];
        kernel.readMemory(p.processHandle(), child.rw, row, 32);
        // an edit without write-through: only the kernel's copy changes
        assertEquals(Status.OK, kernel.writeMemory(p.processHandle(), child.rw, new byte[] {0x55}, 1).status());
        child.send("i");
        p.refresh(child.rw, 32);
        kernel.readMemory(p.processHandle(), child.rw, row, 32);
        assertEquals(0x55, row[0], "the edit stays");
        assertEquals(0x12, row[16], "the process's change shows through the written page");
        assertEquals(0x11, child.freshRead(child.rw, 1)[0], "the process itself was not written");
    }
}
