package memscope.model;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;

import memscope.model.text.Text;

/**
 * Writes the kernel's whole state as a session: every object reachable from a handle (processes, their VMARs and
 * mappings, VMOs, and what those reach in turn), every handle with its value and rights, and the pages written
 * to each VMO. Runs under the kernel's read lock, so the session is one consistent moment.
 */
final class SessionWriter {
    /** A VMO whose source cannot be named is saved page by page; beyond this size that is refused. */
    static final long MAX_INLINED_SOURCE = 1L << 30;

    private final KernelState k;
    private final MachPorts ports;
    private final Set<ProcessObject> processes = new LinkedHashSet<>();
    private final Set<VmAddressRegion> vmars = new LinkedHashSet<>();
    private final Set<VmObject> vmos = new LinkedHashSet<>();
    private int sections;
    /** Bytes and objects written, to hold the session to the budget the reader enforces. */
    private long written;
    private long mappingCount;

    SessionWriter(Kernel kernel) {
        this.k = kernel.state();
        this.ports = kernel.mach().ports();
    }

    void write(OutputStream out) throws IOException, SessionException {
        k.lock.readLock().lock();
        try {
            List<Handle> handles = k.handles.all();
            handles.sort(Comparator.comparingInt(Handle::value));
            List<TaskPort> taskPorts = ports.all();
            taskPorts.sort(Comparator.comparingInt(TaskPort::name));
            collect(handles, taskPorts);
            for (ProcessObject p : processes) {
                // a session has one address-space shape and cannot reopen a live process's memory
                if (p.alive() && !p.layout().equals(AddressSpaceLayout.ZIRCON)) {
                    throw new SessionException(ModelWords.of("session.foreignProcess", p.koid, p.name()));
                }
            }
            Text overCap = SessionBudget.checkClosed(k.handles.closed().size());
            if (overCap != null) {
                throw new SessionException(ModelWords.of("session.budget.cannotSave", overCap));
            }
            out.write(SessionFormat.MAGIC);
            DataOutputStream header = new DataOutputStream(out);
            header.writeShort(SessionFormat.VERSION);
            header.writeShort(0);
            section(out, SessionFormat.BOOT, this::boot);
            section(out, SessionFormat.OBJECTS, this::objects);
            section(out, SessionFormat.HANDLES, d -> handles(d, handles));
            section(out, SessionFormat.PORTS, d -> ports(d, taskPorts));
            for (VmObject vmo : sorted(vmos)) {
                pages(out, vmo);
            }
            if (k.history.recording()) {
                history(out);
            }
            int before = sections;
            section(out, SessionFormat.END, d -> d.writeInt(before));
            written += SessionFormat.HEADER_SIZE;
            long objects = processes.size() + vmos.size() + vmars.size() + mappingCount + handles.size()
                    + taskPorts.size();
            if (objects > SessionBudget.objectsAllowed(written)) {
                throw new SessionException(ModelWords.of("session.budget.cannotSave",
                        SessionBudget.overBudget(objects, written)));
            }
        } finally {
            k.lock.readLock().unlock();
        }
    }

    /** The history as one stream, cut into sections of at most {@link SessionFormat#HISTORY_CHUNK} bytes. */
    private void history(OutputStream out) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        HistoryCodec.write(k, vmos, new DataOutputStream(all));
        byte[] b = all.toByteArray();
        for (int at = 0; at < b.length; at += SessionFormat.HISTORY_CHUNK) {
            int from = at;
            int n = Math.min(SessionFormat.HISTORY_CHUNK, b.length - at);
            section(out, SessionFormat.HISTORY, d -> d.write(b, from, n));
        }
    }

    /** Everything reachable from the handle table; the shared vDSO is part of every kernel and is not saved. */
    private void collect(List<Handle> handles, List<TaskPort> taskPorts) {
        Deque<KernelObject> work = new ArrayDeque<>();
        handles.forEach(h -> work.add(h.object()));
        taskPorts.forEach(port -> work.add(port.process()));
        while (!work.isEmpty()) {
            KernelObject o = work.poll();
            if (o instanceof ProcessObject p && processes.add(p)) {
                if (p.rootVmar() != null) {
                    work.add(p.rootVmar());
                }
            } else if (o instanceof VmAddressRegion v && vmars.add(v)) {
                work.add(v.process);
                if (v.parent != null) {
                    work.add(v.parent);
                }
                for (VmRegion child : v.childrenOverlapping(v.base(), v.end())) {
                    work.add(child instanceof VmMapping m ? m.vmo : (VmAddressRegion) child);
                }
            } else if (o instanceof VmObject vmo && !vmo.isVdso() && vmos.add(vmo)) {
                vmo.mappings().forEach(m -> work.add(m.parent));
            }
        }
    }

    private void boot(DataOutputStream d) throws IOException {
        d.writeBoolean(k.options.debuggingSyscalls());
        d.writeBoolean(k.options.legacyNoMemory());
        d.writeByte(k.options.fidelity().ordinal()); // 0 documented, 1 today (FORMAT.md)
        d.writeLong(k.lastKoid());
        d.writeLong(k.vdso.koid);
    }

    private void objects(DataOutputStream d) throws IOException {
        List<ProcessObject> ps = sorted(processes);
        d.writeLong(ps.size());
        for (ProcessObject p : ps) {
            d.writeLong(p.koid);
            string(d, p.name());
            d.writeBoolean(p.alive());
        }
        List<VmObject> os = sorted(vmos);
        d.writeLong(os.size());
        for (VmObject o : os) {
            d.writeLong(o.koid);
            string(d, o.name());
            d.writeLong(o.size());
            d.writeBoolean(o.resizable());
            d.writeByte(o.cachePolicy().value());
            String descriptor = o.pages().source() == PageSource.ZERO ? null : o.pages().source().sessionDescriptor();
            d.writeByte(descriptor == null ? SessionFormat.SOURCE_ZERO : SessionFormat.SOURCE_DESCRIBED);
            if (descriptor != null) {
                string(d, descriptor);
            }
        }
        List<VmAddressRegion> vs = new ArrayList<>(vmars);
        vs.sort(Comparator.comparingInt(VmAddressRegion::depth).thenComparingLong(v -> v.koid));
        d.writeLong(vs.size());
        List<VmMapping> mappings = new ArrayList<>();
        for (VmAddressRegion v : vs) {
            d.writeLong(v.koid);
            string(d, v.name());
            d.writeLong(v.process.koid);
            d.writeLong(v.parent == null ? 0 : v.parent.koid);
            d.writeLong(v.base());
            d.writeLong(v.size());
            d.writeInt(v.flags);
            d.writeBoolean(v.destroyed());
            for (VmRegion child : v.childrenOverlapping(v.base(), v.end())) {
                if (child instanceof VmMapping m) {
                    mappings.add(m);
                }
            }
        }
        mappingCount = mappings.size();
        d.writeLong(mappings.size());
        for (VmMapping m : mappings) {
            d.writeLong(m.parent.koid);
            d.writeLong(m.base());
            d.writeLong(m.size());
            d.writeLong(m.vmo.koid);
            d.writeLong(m.vmoOffset);
            d.writeInt(m.perms());
            d.writeInt(m.maxPerms());
            d.writeBoolean(m.permanent);
        }
    }

    private void handles(DataOutputStream d, List<Handle> handles) throws IOException {
        d.writeLong(handles.size());
        for (Handle h : handles) {
            d.writeInt(h.value());
            d.writeLong(h.object().koid);
            d.writeInt(h.rights());
        }
        int[] retired = k.handles.retired();
        d.writeLong(retired.length);
        for (int value : retired) {
            d.writeInt(value);
        }
    }

    private static void ports(DataOutputStream d, List<TaskPort> taskPorts) throws IOException {
        d.writeLong(taskPorts.size());
        for (TaskPort port : taskPorts) {
            d.writeInt(port.name());
            d.writeLong(port.process().koid);
            d.writeByte(port.flavor().ordinal());
        }
    }

    /** The VMO's written pages, or for a source that cannot be reopened every page that is not all zeros. */
    private void pages(OutputStream out, VmObject vmo) throws IOException, SessionException {
        PageSource source = vmo.pages().source();
        List<Long> indices = new ArrayList<>();
        if (source == PageSource.ZERO || source.sessionDescriptor() != null) {
            vmo.pages().forEachCommitted(indices::add);
            indices.sort(null);
        } else {
            if (vmo.size() > MAX_INLINED_SOURCE) {
                throw new SessionException(ModelWords.of("session.unreopenable", vmo.koid, vmo.name()));
            }
            byte[] page = new byte[Kernel.PAGE_SIZE];
            for (long i = 0; i < vmo.size() / Kernel.PAGE_SIZE; i++) {
                vmo.read(i * Kernel.PAGE_SIZE, page, 0, page.length);
                if (!allZero(page)) {
                    indices.add(i);
                }
            }
        }
        byte[] page = new byte[Kernel.PAGE_SIZE];
        for (int from = 0; from < indices.size(); from += SessionFormat.PAGES_PER_SECTION) {
            List<Long> part = indices.subList(from, Math.min(indices.size(), from + SessionFormat.PAGES_PER_SECTION));
            section(out, SessionFormat.PAGES, d -> {
                d.writeLong(vmo.koid);
                d.writeLong(part.size());
                for (long index : part) {
                    vmo.read(index * Kernel.PAGE_SIZE, page, 0, page.length);
                    d.writeLong(index);
                    d.write(page);
                }
            });
        }
    }

    private interface Payload {
        void write(DataOutputStream d) throws IOException;
    }

    private void section(OutputStream out, String tag, Payload payload) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(bytes);
        d.write(tag.getBytes(StandardCharsets.US_ASCII));
        d.writeInt(0); // the length, patched below
        payload.write(d);
        d.writeInt(0); // room for the CRC
        byte[] frame = bytes.toByteArray();
        int length = frame.length - SessionFormat.FRAME_OVERHEAD;
        putInt(frame, 4, length);
        CRC32 crc = new CRC32();
        crc.update(frame, 0, frame.length - 4);
        putInt(frame, frame.length - 4, (int) crc.getValue());
        out.write(frame);
        written += frame.length;
        sections++;
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    private static void string(DataOutputStream d, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        d.writeShort(b.length);
        d.write(b);
    }

    private static boolean allZero(byte[] page) {
        for (byte b : page) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static <T extends KernelObject> List<T> sorted(Set<T> objects) {
        List<T> out = new ArrayList<>(objects);
        out.sort(Comparator.comparingLong(o -> o.koid));
        return out;
    }
}
