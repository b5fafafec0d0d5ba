package memscope.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import memscope.model.file.FileDocument;
import memscope.model.file.FilePageSource;

class SessionRoundTripTest {
    private static final int RW = VmOptions.PERM_READ | VmOptions.PERM_WRITE;

    @TempDir
    Path dir;

    /** A kernel using every kind of state a session holds. */
    static Kernel richKernel() {
        Kernel k = Kernel.boot(BootOptions.defaults().withDebuggingSyscalls(true).withLegacyNoMemory(true));
        ProcessResult p1 = k.processCreate("editor");
        HandleResult heap = k.vmoCreate(8 * Kernel.PAGE_SIZE, Kernel.VMO_RESIZABLE);
        k.objectSetName(heap.handle(), "heap");
        MapResult m = k.vmarMap(p1.rootVmar(), RW | VmOptions.SPECIFIC, 0x10000, heap.handle(), 0,
                8 * Kernel.PAGE_SIZE);
        check(m.status());
        check(k.writeMemory(p1.process(), m.address() + 100, "hello session".getBytes(), 13).status());
        check(k.writeMemory(p1.process(), m.address() + 5L * Kernel.PAGE_SIZE, new byte[] {1, 2, 3}, 3).status());
        check(k.vmarProtect(p1.rootVmar(), VmOptions.PERM_READ, m.address() + 2L * Kernel.PAGE_SIZE,
                Kernel.PAGE_SIZE)); // splits the mapping in three
        VmarResult sub = k.vmarAllocate(p1.rootVmar(), VmOptions.CAN_MAP_READ | VmOptions.CAN_MAP_WRITE
                | VmOptions.CAN_MAP_SPECIFIC | VmOptions.SPECIFIC, 0x100000, 16 * Kernel.PAGE_SIZE);
        check(sub.status());
        HandleResult code = k.vmoCreate(Kernel.PAGE_SIZE, 0);
        check(k.vmoWrite(code.handle(), new byte[] {(byte) 0x90, (byte) 0xc3}, 0, 2));
        check(k.vmarMap(sub.vmar(), VmOptions.PERM_READ | VmOptions.SPECIFIC, Kernel.PAGE_SIZE, code.handle(), 0,
                Kernel.PAGE_SIZE).status());
        check(k.handleClose(code.handle())); // the VMO now lives only through its mapping
        VmarResult doomed = k.vmarAllocate(p1.rootVmar(), VmOptions.CAN_MAP_READ, 0, 4 * Kernel.PAGE_SIZE);
        check(k.vmarUnmap(p1.rootVmar(), doomed.address(), 4 * Kernel.PAGE_SIZE)); // destroyed; handle kept
        HandleResult readOnly = k.handleDuplicate(p1.process(), Rights.READ | Rights.DUPLICATE);
        check(readOnly.status());

        PortResult port = k.mach().taskForProcess(p1.process(), TaskFlavor.READ);
        assertEquals(KernReturn.SUCCESS, port.kr());

        ProcessResult p2 = k.processCreate("victim");
        check(k.taskKill(p2.process()));
        HandleResult uncached = k.vmoCreate(2 * Kernel.PAGE_SIZE, 0);
        check(k.vmoWrite(uncached.handle(), new byte[] {9}, Kernel.PAGE_SIZE, 1));
        check(k.vmoSetCachePolicy(uncached.handle(), CachePolicy.UNCACHED));
        HandleResult closed = k.vmoCreate(Kernel.PAGE_SIZE, 0);
        check(k.handleClose(closed.handle()));
        return k;
    }

    static void check(Status s) {
        assertEquals(Status.OK, s);
    }

    /** Everything a session must preserve, read from the kernel's internals, as text to compare. */
    static String describe(Kernel kernel) {
        KernelState k = kernel.state();
        k.lock.readLock().lock();
        try {
            StringBuilder out = new StringBuilder();
            out.append(kernel.options()).append(" last koid ").append(k.lastKoid()).append('\n');
            List<Handle> handles = k.handles.all();
            handles.sort(Comparator.comparingInt(Handle::value));
            for (Handle h : handles) {
                out.append(String.format("handle %08x koid %d %s rights %s%n", h.value(), h.object().koid,
                        h.object().type(), Rights.toString(h.rights())));
                describeObject(h.object(), out);
            }
            out.append("retired ").append(java.util.Arrays.toString(k.handles.retired())).append('\n');
            List<TaskPort> ports = kernel.mach().ports().all();
            ports.sort(Comparator.comparingInt(TaskPort::name));
            for (TaskPort port : ports) {
                out.append(String.format("port %08x task %d %s%n", port.name(), port.process().koid, port.flavor()));
            }
            return out.toString();
        } finally {
            k.lock.readLock().unlock();
        }
    }

    private static void describeObject(KernelObject o, StringBuilder out) {
        out.append("  name \"").append(o.name()).append("\"\n");
        if (o instanceof ProcessObject p) {
            out.append("  alive ").append(p.alive()).append('\n');
            if (p.rootVmar() != null) {
                describeVmar(p.rootVmar(), out);
            }
        } else if (o instanceof VmAddressRegion v) {
            out.append(String.format("  vmar of %d destroyed %b parent %s%n", v.process.koid, v.destroyed(),
                    v.parent == null ? "-" : v.parent.koid));
            describeVmar(v, out);
        } else if (o instanceof VmObject vmo) {
            describeVmo(vmo, out);
        }
    }

    private static void describeVmar(VmAddressRegion v, StringBuilder out) {
        out.append(String.format("  vmar %d %s [%x, %x) flags %x depth %d%n", v.koid, v.name(), v.base(), v.end(),
                v.flags, v.depth()));
        for (VmRegion child : v.childrenOverlapping(v.base(), v.end())) {
            if (child instanceof VmMapping m) {
                out.append(String.format("    map [%x, %x) vmo %d @%x perms %x max %x permanent %b%n", m.base(),
                        m.end(), m.vmo.koid, m.vmoOffset, m.perms(), m.maxPerms(), m.permanent));
                describeVmo(m.vmo, out);
            } else {
                describeVmar((VmAddressRegion) child, out);
            }
        }
    }

    private static void describeVmo(VmObject vmo, StringBuilder out) {
        out.append(String.format("    vmo %d \"%s\" size %d resizable %b %s mappings %d vdso %b source %s%n",
                vmo.koid, vmo.name(), vmo.size(), vmo.resizable(), vmo.cachePolicy(), vmo.mappings().size(),
                vmo.isVdso(), vmo.isVdso() ? "vdso" : vmo.pages().source().sessionDescriptor()));
        List<Long> pages = new ArrayList<>();
        vmo.pages().forEachCommitted(pages::add);
        pages.sort(null);
        byte[] page = new byte[Kernel.PAGE_SIZE];
        for (long index : pages) {
            vmo.read(index * Kernel.PAGE_SIZE, page, 0, page.length);
            out.append("      page ").append(index).append(' ').append(java.util.Arrays.hashCode(page)).append('\n');
        }
    }

    @Test
    void aSessionReopensExactly() throws Exception {
        Kernel original = richKernel();
        Path file = dir.resolve("s.msession");
        Sessions.save(original, file);
        Kernel loaded = Sessions.load(file);
        assertEquals(describe(original), describe(loaded));
        assertTrue(describe(loaded).contains("alive false"), "the dead process is still there, dead");
        assertTrue(describe(loaded).contains(" READ\n"), "the task port is still there");

        Path again = dir.resolve("again.msession");
        Sessions.save(loaded, again);
        assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(again), "saving is deterministic");
    }

    @Test
    void theSameHandleValuesWorkAfterLoading() throws Exception {
        Kernel original = Kernel.boot(BootOptions.defaults().withDebuggingSyscalls(true));
        ProcessResult p = original.processCreate("p");
        HandleResult vmo = original.vmoCreate(Kernel.PAGE_SIZE, 0);
        MapResult m = original.vmarMap(p.rootVmar(), RW, 0, vmo.handle(), 0, Kernel.PAGE_SIZE);
        original.writeMemory(p.process(), m.address(), new byte[] {42}, 1);
        PortResult port = original.mach().taskForProcess(p.process(), TaskFlavor.CONTROL);
        HandleResult gone = original.handleDuplicate(vmo.handle(), Rights.SAME_RIGHTS);
        original.handleClose(gone.handle());
        Path file = dir.resolve("p.msession");
        Sessions.save(original, file);

        Kernel loaded = Sessions.load(file);
        byte[] b = new byte[1];
        assertEquals(new IoResult(Status.OK, 1), loaded.readMemory(p.process(), m.address(), b, 1));
        assertEquals(42, b[0]);
        assertEquals(Status.ERR_BAD_HANDLE, loaded.handleClose(gone.handle()), "a closed handle stays closed");
        ReadResult viaPort = loaded.mach().vmRead(port.port(), m.address(), 1);
        assertEquals(KernReturn.SUCCESS, viaPort.kr(), "the task port name still works");
        assertEquals(42, viaPort.data()[0]);
        HandleResult fresh = loaded.vmoCreate(Kernel.PAGE_SIZE, 0);
        long freshKoid = loaded.inspector().handle(fresh.handle()).orElseThrow().koid();
        assertTrue(freshKoid > original.state().lastKoid(), "koids are never reused");
        assertNotEquals(gone.handle(), fresh.handle());
        // the live kernel and the loaded one are independent
        loaded.writeMemory(p.process(), m.address(), new byte[] {7}, 1);
        original.readMemory(p.process(), m.address(), b, 1);
        assertEquals(42, b[0]);
    }

    @Test
    void aFileBackedVmoKeepsItsPathAndItsUnsavedPages() throws Exception {
        byte[] content = new byte[3 * Kernel.PAGE_SIZE];
        java.util.Arrays.fill(content, (byte) 0x33);
        Path data = Files.write(dir.resolve("data.bin"), content);
        try (FileDocument doc = FileDocument.open(data)) {
            doc.kernel().writeMemory(doc.editHandle(), doc.baseAddress() + Kernel.PAGE_SIZE, new byte[] {1}, 1);
            Path file = dir.resolve("f.msession");
            Sessions.save(doc.kernel(), file);

            SessionException e = assertThrows(SessionException.class, () -> Sessions.load(file));
            assertTrue(e.getMessage().contains("file:"), e.getMessage());

            Kernel loaded = Sessions.load(file, FilePageSource.resolver());
            assertEquals(describe(doc.kernel()), describe(loaded));
            byte[] back = new byte[content.length];
            assertEquals(Status.OK, loaded.readMemory(doc.processHandle(), doc.baseAddress(), back,
                    back.length).status());
            content[Kernel.PAGE_SIZE] = 1;
            assertArrayEquals(content, back);

            Files.delete(data);
            SessionException missing = assertThrows(SessionException.class,
                    () -> Sessions.load(file, FilePageSource.resolver()));
            assertTrue(missing.getMessage().contains("missing"), missing.getMessage());
        }
    }

    @Test
    void theDemoScenarioRoundTrips() throws Exception {
        Kernel demo = memscope.model.scenario.ScenarioLoader.loadDefault().kernel();
        Path file = dir.resolve("demo.msession");
        Sessions.save(demo, file);
        assertEquals(describe(demo), describe(Sessions.load(file)));
    }

    @Test
    void anEmptyKernelRoundTrips() throws IOException, SessionException {
        Kernel k = Kernel.boot(BootOptions.defaults());
        Path file = dir.resolve("empty.msession");
        Sessions.save(k, file);
        assertEquals(describe(k), describe(Sessions.load(file)));
    }

    @Test
    void aRefusedSaveLeavesTheOldSessionFileAndNoTemporaryFile() throws Exception {
        Path file = dir.resolve("keep.msession");
        Sessions.save(richKernel(), file);
        byte[] before = Files.readAllBytes(file);

        Kernel k = Kernel.boot(BootOptions.defaults());
        PageSource anonymous = (index, page) -> java.util.Arrays.fill(page, (byte) 1); // cannot be named
        assertEquals(Status.OK, k.vmoCreateBacked(2L << 30, anonymous, "opaque").status());
        SessionException e = assertThrows(SessionException.class, () -> Sessions.save(k, file));
        assertTrue(e.getMessage().contains("cannot be reopened"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void aSmallUnnamedSourceIsSavedPageByPage() throws Exception {
        Kernel k = Kernel.boot(BootOptions.defaults());
        PageSource stripes = (index, page) -> java.util.Arrays.fill(page, (byte) (index % 2));
        HandleResult vmo = k.vmoCreateBacked(4 * Kernel.PAGE_SIZE, stripes, "stripes");
        Path file = dir.resolve("stripes.msession");
        Sessions.save(k, file);
        Kernel loaded = Sessions.load(file);
        byte[] all = new byte[4 * Kernel.PAGE_SIZE];
        assertEquals(Status.OK, loaded.vmoRead(vmo.handle(), all, 0, all.length));
        for (int i = 0; i < all.length; i += 1000) {
            assertEquals((i / Kernel.PAGE_SIZE) % 2, all[i], "byte " + i);
        }
        assertArrayEquals(new long[] {1, 3}, loaded.inspector().committedPages(
                loaded.inspector().handle(vmo.handle()).orElseThrow().koid()), "only the non-zero pages are stored");
    }
}
