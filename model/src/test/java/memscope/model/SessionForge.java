package memscope.model;

import static memscope.model.ForgedSession.section;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Session files with right checksums and wrong contents, for the fuzz seed corpus: one process (koid 1025) with
 * its root VMAR (1026), one VMO (1027) mapped at the bottom of the address space; the vDSO is koid 1024. Each
 * variant changes one thing a loaded session must never contain.
 */
public final class SessionForge {
    private static final long VDSO = 1024;
    private static final int PROCESS_HANDLE = 0x1237;

    private SessionForge() {
    }

    /** The consistent session every variant starts from; it loads. */
    public static byte[] consistent() {
        return session(false, false, false, false);
    }

    /** A handle to the vDSO with the default VMO rights (WRITE among them). */
    public static byte[] vdsoHandleWithDefaultRights() {
        return session(true, false, false, false);
    }

    /** The vDSO mapped non-permanent with maximum rwx. */
    public static byte[] vdsoMappingNotPermanent() {
        return session(false, true, false, false);
    }

    /** A destroyed sub-VMAR (with a handle to it) that still holds a live sub-VMAR. */
    public static byte[] destroyedVmarWithChild() {
        return session(false, false, true, false);
    }

    /** The ordinary VMO's mapping marked permanent, as only the vDSO's may be. */
    public static byte[] ordinaryMappingPermanent() {
        return session(false, false, false, true);
    }

    private static byte[] session(boolean vdsoHandle, boolean vdsoMapping, boolean destroyedVmar,
                                  boolean permanentMapping) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(SessionFormat.MAGIC);
            out.write(new byte[] {0, 1, 0, 0});
            out.write(section("BOOT", d -> {
                d.writeBoolean(true);
                d.writeBoolean(false);
                d.writeLong(2000);
                d.writeLong(VDSO);
            }));
            out.write(section("OBJS", d -> {
                d.writeLong(1);
                d.writeLong(1025);
                name(d, "p");
                d.writeBoolean(true);
                d.writeLong(1);
                d.writeLong(1027);
                name(d, "v");
                d.writeLong(4 * Kernel.PAGE_SIZE);
                d.writeBoolean(false);
                d.writeByte(0);
                d.writeByte(0);
                d.writeLong(destroyedVmar ? 3 : 1);
                vmar(d, 1026, 0, Kernel.USER_ASPACE_BASE, Kernel.USER_ASPACE_END - Kernel.USER_ASPACE_BASE, false);
                if (destroyedVmar) {
                    vmar(d, 1028, 1026, Kernel.USER_ASPACE_BASE + 0x100000, 16 * Kernel.PAGE_SIZE, true);
                    vmar(d, 1029, 1028, Kernel.USER_ASPACE_BASE + 0x100000, 4 * Kernel.PAGE_SIZE, false);
                }
                d.writeLong(vdsoMapping ? 2 : 1);
                mapping(d, 1026, Kernel.USER_ASPACE_BASE, 1027, 3, 7, permanentMapping);
                if (vdsoMapping) {
                    mapping(d, 1026, Kernel.USER_ASPACE_END - Vdso.SIZE, VDSO, 5, 7, false);
                }
            }));
            out.write(section("HNDL", d -> {
                d.writeLong(1 + (vdsoHandle ? 1 : 0) + (destroyedVmar ? 1 : 0));
                d.writeInt(PROCESS_HANDLE);
                d.writeLong(1025);
                d.writeInt(Rights.DEFAULT_PROCESS);
                if (vdsoHandle) {
                    d.writeInt(0x2223);
                    d.writeLong(VDSO);
                    d.writeInt(Rights.DEFAULT_VMO);
                }
                if (destroyedVmar) {
                    d.writeInt(0x3333);
                    d.writeLong(1028);
                    d.writeInt(Rights.DEFAULT_VMAR);
                }
                d.writeLong(0);
            }));
            out.write(section("PORT", d -> d.writeLong(0)));
            out.write(section("END ", d -> d.writeInt(4)));
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }


    private static void name(DataOutputStream d, String s) throws IOException {
        d.writeShort(s.length());
        d.writeBytes(s);
    }

    private static void vmar(DataOutputStream d, long koid, long parent, long base, long size, boolean destroyed)
            throws IOException {
        d.writeLong(koid);
        name(d, parent == 0 ? "root" : "sub");
        d.writeLong(1025);
        d.writeLong(parent);
        d.writeLong(base);
        d.writeLong(size);
        d.writeInt(VmOptions.CAN_MAP_PERMS | VmOptions.CAN_MAP_SPECIFIC);
        d.writeBoolean(destroyed);
    }

    private static void mapping(DataOutputStream d, long vmar, long base, long vmo, int perms, int maxPerms,
                                boolean permanent) throws IOException {
        d.writeLong(vmar);
        d.writeLong(base);
        d.writeLong(vmo == VDSO ? Vdso.SIZE : Kernel.PAGE_SIZE);
        d.writeLong(vmo);
        d.writeLong(0);
        d.writeInt(perms);
        d.writeInt(maxPerms);
        d.writeBoolean(permanent);
    }
}
