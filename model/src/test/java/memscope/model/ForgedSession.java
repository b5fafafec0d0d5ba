package memscope.model;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * A session written field by field, with correct framing and checksums, so a test can forge any contents: start
 * from {@link #typical()} (what a live kernel could have saved), change one thing, and load {@link #bytes()}.
 */
final class ForgedSession {
    static final int RWX = VmOptions.PERMS;
    static final int R_X = VmOptions.PERM_READ | VmOptions.PERM_EXECUTE;
    static final int ROOT_FLAGS = VmOptions.CAN_MAP_PERMS | VmOptions.CAN_MAP_SPECIFIC;
    static final long VDSO = 1024;
    /** Where processCreate puts the vDSO: at the top of the root VMAR. */
    static final long VDSO_BASE = Kernel.USER_ASPACE_END - Vdso.SIZE;
    static final int PROCESS_HANDLE = 0x1237;
    static final int ROOT_HANDLE = 0x123b;
    static final int VMO_HANDLE = 0x123f;

    static final class Process {
        long koid;
        String name;
        boolean alive;

        Process(long koid, String name, boolean alive) {
            this.koid = koid;
            this.name = name;
            this.alive = alive;
        }
    }

    static final class Vmo {
        long koid;
        String name = "v";
        long size;
        boolean resizable;
        String descriptor;

        Vmo(long koid, long size) {
            this.koid = koid;
            this.size = size;
        }
    }

    static final class Vmar {
        long koid;
        long process;
        long parent;
        long base;
        long size;
        int flags;
        boolean destroyed;

        Vmar(long koid, long process, long parent, long base, long size, int flags, boolean destroyed) {
            this.koid = koid;
            this.process = process;
            this.parent = parent;
            this.base = base;
            this.size = size;
            this.flags = flags;
            this.destroyed = destroyed;
        }

        static Vmar root(long koid, long process, boolean destroyed) {
            return new Vmar(koid, process, 0, Kernel.USER_ASPACE_BASE,
                    Kernel.USER_ASPACE_END - Kernel.USER_ASPACE_BASE, ROOT_FLAGS, destroyed);
        }
    }

    static final class Mapping {
        long vmar;
        long base;
        long size;
        long vmo;
        long offset;
        int perms;
        int maxPerms;
        boolean permanent;

        Mapping(long vmar, long base, long size, long vmo, long offset, int perms, int maxPerms, boolean permanent) {
            this.vmar = vmar;
            this.base = base;
            this.size = size;
            this.vmo = vmo;
            this.offset = offset;
            this.perms = perms;
            this.maxPerms = maxPerms;
            this.permanent = permanent;
        }

        /** The vDSO mapping processCreate makes in root VMAR {@code vmar}. */
        static Mapping vdso(long vmar) {
            return new Mapping(vmar, VDSO_BASE, Vdso.SIZE, VDSO, 0, R_X, R_X, true);
        }
    }

    record HandleRecord(int value, long koid, int rights) {
    }

    long lastKoid = 2000;
    long vdsoKoid = VDSO;
    final List<Process> processes = new ArrayList<>();
    final List<Vmo> vmos = new ArrayList<>();
    final List<Vmar> vmars = new ArrayList<>();
    final List<Mapping> mappings = new ArrayList<>();
    final List<HandleRecord> handles = new ArrayList<>();
    final List<Integer> closed = new ArrayList<>();
    /** After {@link #processes}: this many more dead, unnamed processes, koids from 10,000,000 on. */
    int moreDeadProcesses;
    /** After {@link #closed}: this many more closed values, ascending from 0x40000003. */
    int moreClosed;

    /**
     * Process 1025 alive with root VMAR 1026 (the vDSO mapped at its top), VMO 1027 of one page mapped rw- at the
     * bottom; handles to the process, the root VMAR and the VMO with the rights the live calls give.
     */
    static ForgedSession typical() {
        ForgedSession s = new ForgedSession();
        s.processes.add(new Process(1025, "p", true));
        s.vmos.add(new Vmo(1027, Kernel.PAGE_SIZE));
        s.vmars.add(Vmar.root(1026, 1025, false));
        s.mappings.add(new Mapping(1026, Kernel.USER_ASPACE_BASE, Kernel.PAGE_SIZE, 1027, 0,
                VmOptions.PERM_READ | VmOptions.PERM_WRITE, RWX, false));
        s.mappings.add(Mapping.vdso(1026));
        s.handles.add(new HandleRecord(PROCESS_HANDLE, 1025, Rights.DEFAULT_PROCESS));
        s.handles.add(new HandleRecord(ROOT_HANDLE, 1026, Rights.DEFAULT_VMAR | Rights.READ | Rights.WRITE
                | Rights.EXECUTE));
        s.handles.add(new HandleRecord(VMO_HANDLE, 1027, Rights.DEFAULT_VMO));
        return s;
    }

    Mapping vdsoMapping() {
        return mappings.stream().filter(m -> m.vmo == VDSO).findFirst().orElseThrow();
    }

    byte[] bytes() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(SessionFormat.MAGIC);
        out.write(new byte[] {0, 1, 0, 0});
        out.write(section("BOOT", d -> {
            d.writeBoolean(true);
            d.writeBoolean(false);
            d.writeLong(lastKoid);
            d.writeLong(vdsoKoid);
        }));
        out.write(section("OBJS", this::objects));
        out.write(section("HNDL", d -> {
            d.writeLong(handles.size());
            for (HandleRecord h : handles) {
                d.writeInt(h.value());
                d.writeLong(h.koid());
                d.writeInt(h.rights());
            }
            d.writeLong(closed.size() + (long) moreClosed);
            for (int value : closed) {
                d.writeInt(value);
            }
            for (int i = 0; i < moreClosed; i++) {
                d.writeInt(0x40000003 + (i << 2));
            }
        }));
        out.write(section("PORT", d -> d.writeLong(0)));
        out.write(section("END ", d -> d.writeInt(4)));
        return out.toByteArray();
    }

    private void objects(DataOutputStream d) throws IOException {
        d.writeLong(processes.size() + (long) moreDeadProcesses);
        for (Process p : processes) {
            d.writeLong(p.koid);
            name(d, p.name);
            d.writeBoolean(p.alive);
        }
        for (int i = 0; i < moreDeadProcesses; i++) {
            d.writeLong(10_000_000L + i);
            d.writeShort(0);
            d.writeBoolean(false);
        }
        d.writeLong(vmos.size());
        for (Vmo v : vmos) {
            d.writeLong(v.koid);
            name(d, v.name);
            d.writeLong(v.size);
            d.writeBoolean(v.resizable);
            d.writeByte(0);
            d.writeByte(v.descriptor == null ? 0 : 1);
            if (v.descriptor != null) {
                name(d, v.descriptor);
            }
        }
        d.writeLong(vmars.size());
        for (Vmar v : vmars) {
            d.writeLong(v.koid);
            name(d, "vmar");
            d.writeLong(v.process);
            d.writeLong(v.parent);
            d.writeLong(v.base);
            d.writeLong(v.size);
            d.writeInt(v.flags);
            d.writeBoolean(v.destroyed);
        }
        d.writeLong(mappings.size());
        for (Mapping m : mappings) {
            d.writeLong(m.vmar);
            d.writeLong(m.base);
            d.writeLong(m.size);
            d.writeLong(m.vmo);
            d.writeLong(m.offset);
            d.writeInt(m.perms);
            d.writeInt(m.maxPerms);
            d.writeBoolean(m.permanent);
        }
    }

    private static void name(DataOutputStream d, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        d.writeShort(b.length);
        d.write(b);
    }

    interface Fields {
        void write(DataOutputStream d) throws IOException;
    }

    /** One section: tag, length, payload, CRC32 of the three. */
    static byte[] section(String tag, Fields fields) throws IOException {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        fields.write(new DataOutputStream(payload));
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(frame);
        d.write(tag.getBytes(StandardCharsets.US_ASCII));
        d.writeInt(payload.size());
        d.write(payload.toByteArray());
        CRC32 crc = new CRC32();
        crc.update(frame.toByteArray());
        d.writeInt((int) crc.getValue());
        return frame.toByteArray();
    }
}
