package memscope.model.linux;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.sun.jna.LastErrorException;

import memscope.model.AddressSpaceLayout;
import memscope.model.Errno;
import memscope.model.Kernel;
import memscope.model.ProcessResult;
import memscope.model.Status;
import memscope.model.text.Text;

/**
 * A live Linux process attached to the simulated kernel: a process named {@code linux: NAME (PID)} whose root VMAR
 * covers Linux's user space ({@link AddressSpaceLayout#LINUX_X86_64}) and holds one mapping per line of
 * {@code /proc/PID/maps}, at the real addresses, with the real protection and names; {@code [vdso]} is protected
 * as the Zircon vDSO is. Memory is read lazily from {@code /proc/PID/mem}, a page when something looks at it
 * (see {@link LiveMemory}); attaching reads no memory at all. Nothing is ever written to the process here: see
 * {@link LinuxWrites}.
 *
 * <p>{@link #reload()} rereads the maps, {@link #refresh} rereads visible bytes, {@link #alive()} notices that
 * the process exited; then the kernel's process is dead, as a killed simulated process is. None of them throws.
 * Thread-safe.
 */
public final class LinuxProcess implements AutoCloseable {
    private static final AddressSpaceLayout LAYOUT = AddressSpaceLayout.LINUX_X86_64;
    /** The most one refresh rereads, as the most one readMemory moves. */
    private static final long MAX_REFRESH = Kernel.MAX_DEBUG_IO;

    private final Kernel kernel;
    private final int pid;
    private final long startTime;
    private final String name;
    private final int processHandle;
    private final int rootVmarHandle;
    private final LiveMemory memory;
    private volatile List<LinuxMapping> mappings;
    private volatile List<Text> notes;
    private volatile boolean dead;
    private volatile boolean closed;

    private LinuxProcess(Kernel kernel, int pid, long startTime, String name, ProcessResult process,
                         LiveMemory memory, List<LinuxMapping> mappings, List<Text> notes) {
        this.kernel = kernel;
        this.pid = pid;
        this.startTime = startTime;
        this.name = name;
        this.processHandle = process.process();
        this.rootVmarHandle = process.rootVmar();
        this.memory = memory;
        this.mappings = List.copyOf(mappings);
        this.notes = List.copyOf(notes);
    }

    /**
     * Attaches to {@code pid}: reads its maps, opens its memory for reading and builds its process in
     * {@code kernel}. Refused, with nothing made in the kernel: no such process (ESRCH); not permitted (EACCES or
     * EPERM, with the reason: another user's process, {@code kernel.yama.ptrace_scope}, not dumpable); a kernel
     * thread or an exited process, which have no user address space (ESRCH).
     */
    public static LinuxProcess attach(Kernel kernel, int pid) throws LinuxException {
        if (kernel == null) {
            throw new IllegalArgumentException("attach: the kernel is null");
        }
        if (pid <= 0) {
            throw new LinuxException(Errno.ESRCH, LinuxWords.of("attach.noSuchProcess", pid));
        }
        String comm;
        long startTime;
        String mapsText;
        try {
            startTime = ProcFs.startTime(pid);
            comm = ProcFs.comm(pid);
            mapsText = ProcFs.read(pid, "maps");
        } catch (AccessDeniedException e) {
            throw notPermitted(pid, Errno.EACCES);
        } catch (IOException | RuntimeException e) {
            throw new LinuxException(Errno.ESRCH, LinuxWords.of("attach.noSuchProcess", pid));
        }
        List<LinuxMapping> all = ProcMaps.parse(mapsText);
        if (all.isEmpty()) {
            throw noAddressSpace(pid, comm);
        }
        LiveMemory memory;
        try {
            memory = LiveMemory.open(pid);
        } catch (LastErrorException e) {
            Errno errno = Errno.of(e.getErrorCode());
            if (errno == Errno.EACCES || errno == Errno.EPERM) {
                throw notPermitted(pid, errno);
            }
            throw new LinuxException(Errno.ESRCH, LinuxWords.of("attach.noSuchProcess", pid));
        }
        try {
            if (ProcFs.startTime(pid) != startTime) {
                throw new IOException("the PID was reused");
            }
        } catch (IOException | RuntimeException e) {
            memory.close();
            throw new LinuxException(Errno.ESRCH, LinuxWords.of("attach.exited", pid, comm));
        }
        return build(kernel, pid, startTime, comm, memory, all);
    }

    private static LinuxProcess build(Kernel kernel, int pid, long startTime, String comm, LiveMemory memory,
                                      List<LinuxMapping> all) throws LinuxException {
        ProcessResult p = kernel.processCreate("linux: " + comm + " (" + pid + ")", LAYOUT);
        if (p.status() != Status.OK) {
            memory.close();
            throw new LinuxException(Errno.EINVAL, LinuxWords.of("attach.kernelRefused", p.status().zxName()));
        }
        List<Text> notes = new ArrayList<>();
        List<LinuxMapping> shown = shown(all, notes);
        Status s = kernel.mirror().update(p.process(), List.of(), Regions.of(shown, memory));
        if (s != Status.OK) {
            kernel.taskKill(p.process());
            kernel.handleClose(p.rootVmar());
            kernel.handleClose(p.process());
            memory.close();
            throw new LinuxException(Errno.EINVAL, LinuxWords.of("attach.kernelRefused", s.zxName()));
        }
        return new LinuxProcess(kernel, pid, startTime, comm, p, memory, all, notes);
    }

    private static LinuxException notPermitted(int pid, Errno errno) {
        return new LinuxException(errno, LinuxWords.of("attach.notPermitted", pid, errno.name(),
                AttachPermission.reason(pid)));
    }

    private static LinuxException noAddressSpace(int pid, String comm) {
        // by the kernel's flag, not the state: a process that is exiting has no maps either, and is not yet a zombie
        boolean kernelThread;
        try {
            kernelThread = ProcFs.kernelThread(pid);
        } catch (IOException | RuntimeException e) {
            kernelThread = false; // gone meanwhile
        }
        return new LinuxException(Errno.ESRCH, LinuxWords.of(kernelThread ? "attach.kernelThread" : "attach.exited",
                pid, comm));
    }

    /** The mappings the layout can hold; a note for each it cannot ({@code [vsyscall]}, above user space). */
    private static List<LinuxMapping> shown(List<LinuxMapping> all, List<Text> notes) {
        List<LinuxMapping> out = new ArrayList<>(all.size());
        for (LinuxMapping m : all) {
            boolean inside = Long.compareUnsigned(m.start(), LAYOUT.base()) >= 0
                    && Long.compareUnsigned(m.end(), LAYOUT.end()) <= 0
                    && Long.compareUnsigned(m.start(), m.end()) < 0;
            if (inside) {
                out.add(m);
            } else {
                notes.add(LinuxWords.of("maps.outside", m.path().isEmpty() ? "[anon]" : m.path(),
                        LinuxWords.hex(m.start()), LinuxWords.hex(LAYOUT.base()), LinuxWords.hex(LAYOUT.end())));
            }
        }
        return out;
    }

    // ---- what it is ----

    public Kernel kernel() {
        return kernel;
    }

    public int pid() {
        return pid;
    }

    /** {@code /proc/PID/comm}. */
    public String name() {
        return name;
    }

    /** The kernel process's handle (default process rights: READ and WRITE, as reading memory needs). */
    public int processHandle() {
        return processHandle;
    }

    public int rootVmarHandle() {
        return rootVmarHandle;
    }

    /** Every line of the maps as last read, in address order (also those not shown, such as [vsyscall]). */
    public List<LinuxMapping> mappings() {
        return mappings;
    }

    /** The line of the last read maps holding {@code address}. */
    public Optional<LinuxMapping> mappingAt(long address) {
        for (LinuxMapping m : mappings) {
            if (m.contains(address)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** What the last read of the maps could not show, and why. */
    public List<Text> notes() {
        return notes;
    }

    /** The start time that, with the PID, names this very process (field 22 of /proc/PID/stat). */
    long startTime() {
        return startTime;
    }

    LiveMemory memory() {
        return memory;
    }

    // ---- following the process ----

    /**
     * Whether the process still runs (the same process: a reused PID is another one). Once it has exited the
     * kernel's process is dead, and stays so.
     */
    public boolean alive() {
        if (dead) {
            return false;
        }
        boolean running = ProcFs.running(pid, startTime);
        if (!running) {
            markDead();
        }
        return running;
    }

    /** Rereads the maps and brings the kernel's process in line: what appeared, vanished or changed. */
    public synchronized MapsDiff reload() {
        if (!alive()) {
            return new MapsDiff(List.of(), List.of(), List.of(), true, List.of());
        }
        List<LinuxMapping> fresh;
        try {
            fresh = ProcMaps.parse(ProcFs.read(pid, "maps"));
        } catch (IOException | RuntimeException e) {
            fresh = List.of();
        }
        if (fresh.isEmpty()) {
            // the maps of a process that exited meanwhile read empty
            markDead();
            return new MapsDiff(List.of(), List.of(), List.of(), true, List.of());
        }
        List<Text> freshNotes = new ArrayList<>();
        List<LinuxMapping> before = shown(mappings, new ArrayList<>());
        List<LinuxMapping> after = shown(fresh, freshNotes);
        Map<Long, LinuxMapping> oldByStart = byStart(before);
        Map<Long, LinuxMapping> newByStart = byStart(after);
        List<LinuxMapping> appeared = new ArrayList<>();
        List<LinuxMapping> vanished = new ArrayList<>();
        List<MapsDiff.Change> changed = new ArrayList<>();
        for (LinuxMapping m : after) {
            LinuxMapping old = oldByStart.get(m.start());
            if (old == null) {
                appeared.add(m);
            } else if (!old.equals(m)) {
                changed.add(new MapsDiff.Change(old, m));
            }
        }
        for (LinuxMapping m : before) {
            if (!newByStart.containsKey(m.start())) {
                vanished.add(m);
            }
        }
        List<Long> unmap = new ArrayList<>();
        List<LinuxMapping> map = new ArrayList<>(appeared);
        for (LinuxMapping m : vanished) {
            unmap.add(m.start());
            memory.forget(m.start(), m.end());
        }
        for (MapsDiff.Change c : changed) {
            unmap.add(c.before().start());
            map.add(c.after());
            if (!c.before().sameIdentity(c.after())) {
                memory.forget(c.before().start(), c.before().end());
            } else if (c.after().end() < c.before().end()) {
                memory.forget(c.after().end(), c.before().end());
            }
        }
        Status s = unmap.isEmpty() && map.isEmpty() ? Status.OK
                : kernel.mirror().update(processHandle, unmap, Regions.of(map, memory));
        if (s != Status.OK) {
            freshNotes.add(LinuxWords.of("reload.kernelRefused", s.zxName()));
        }
        mappings = List.copyOf(fresh);
        notes = List.copyOf(freshNotes);
        return new MapsDiff(List.copyOf(appeared), List.copyOf(vanished), List.copyOf(changed), false,
                notes);
    }

    /**
     * Rereads the bytes {@code [address, address + length)} (the visible rows) and reports those the process
     * changed since the last look; the kernel tells its listeners (a {@code MemoryChange} per changed range), so
     * views repaint them. This is the outside world changing, not a write: no syscall is recorded. A length
     * beyond 64 MiB is cut there; a negative one reads nothing.
     */
    public synchronized RefreshResult refresh(long address, long length) {
        if (!alive()) {
            return new RefreshResult(List.of(), true);
        }
        long n = Math.min(Math.max(0, length), MAX_REFRESH);
        if (n == 0 || address < 0 || address + n < address) {
            return new RefreshResult(List.of(), false);
        }
        List<RefreshResult.Range> out = new ArrayList<>();
        for (long[] r : memory.refresh(address, n)) {
            kernel.mirror().sourceChanged(processHandle, r[0], r[1] - r[0]);
            out.add(new RefreshResult.Range(r[0], r[1]));
        }
        return new RefreshResult(List.copyOf(out), false);
    }

    /** The kernel's process is dead from now on; the memory is no longer read. */
    private void markDead() {
        if (!dead) {
            dead = true;
            kernel.mirror().exited(processHandle);
            memory.close();
        }
    }

    /** Whether {@link #alive()} or a refresh has seen the process exit (or it was closed). */
    public boolean exited() {
        return dead;
    }

    /**
     * Detaches: the kernel's process becomes dead and its handles are closed, so it leaves the kernel; the live
     * process is untouched. Closing twice does nothing.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        markDead();
        kernel.handleClose(rootVmarHandle);
        kernel.handleClose(processHandle);
    }

    private static Map<Long, LinuxMapping> byStart(List<LinuxMapping> list) {
        Map<Long, LinuxMapping> out = new HashMap<>(list.size() * 2);
        for (LinuxMapping m : list) {
            out.put(m.start(), m);
        }
        return out;
    }
}
