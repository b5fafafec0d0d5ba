package memscope.app.edit;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import memscope.app.kernel.CallRecorder.Recorded;
import memscope.app.kernel.KernelSession;
import memscope.app.kernel.WriteThrough;
import memscope.model.Errno;
import memscope.model.KernelInspector.HandleInfo;
import memscope.model.MapEntry;
import memscope.model.Rule;
import memscope.model.SyscallRecord;
import memscope.model.VmOptions;
import memscope.model.linux.LinuxWritePath;

/**
 * Edits as Linux writes into another process, by the session's {@link KernelSession#linuxPathProperty() path}:
 * {@code process_vm_writev} honours page protections (it stops at the first page without write permission, EFAULT
 * when that is the first one, else a short count); {@code /proc/PID/mem} (ptrace's FOLL_FORCE) writes read-only
 * private pages too but not {@code [vvar]} or unmapped ones (EIO). The part Linux would write then goes through
 * {@code writeMemory} with all its checks ({@link ZirconWritePath}), so the simulated kernel never gives way
 * where Zircon would not. The call is recorded with its errno; when the edit is also written through to a live
 * process, that real call's record speaks instead.
 */
public final class LinuxEditPath implements WritePath {
    private final KernelSession session;
    private final ZirconWritePath zircon;
    private final boolean writesThrough;

    /**
     * {@code writesThrough}: this path's edits go on to a live process when write-through is on (then the real
     * call is recorded, not this one); false for a comparison, which never leaves the simulated kernel.
     */
    public LinuxEditPath(KernelSession session, ZirconWritePath zircon, boolean writesThrough) {
        this.session = session;
        this.zircon = zircon;
        this.writesThrough = writesThrough;
    }

    @Override
    public Recorded<Long> write(int processHandle, long address, byte[] bytes) {
        LinuxWritePath how = session.linuxPathProperty().get();
        long koid = session.kernel().inspector().handle(processHandle).map(HandleInfo::koid).orElse(0L);
        int allowed = allowed(how, maps(koid), address, bytes.length);
        if (allowed == 0 && bytes.length > 0) {
            Errno errno = how == LinuxWritePath.PROCESS_VM_WRITEV ? Errno.EFAULT : Errno.EIO;
            return new Recorded<>(0L, record(how, processHandle, address, bytes.length, errno, 0));
        }
        Recorded<Long> z = zircon.write(processHandle, address,
                allowed == bytes.length ? bytes : Arrays.copyOf(bytes, allowed));
        WriteThrough live = session.writeThroughProperty().get();
        if (z.result() == 0 || writesThrough && live != null && live.targets(koid)) {
            return z; // writeMemory refused: its answer stands; or the real process answers (WriteThroughPath)
        }
        return new Recorded<>(z.result(), record(how, processHandle, address, bytes.length, Errno.OK, z.result()));
    }

    /** How many bytes from {@code address} Linux's {@code how} would write, by the mappings' permissions. */
    static int allowed(LinuxWritePath how, List<MapEntry> maps, long address, int length) {
        long at = address;
        long end = address + length;
        while (at < end) {
            MapEntry m = mappingAt(maps, at);
            boolean ok = m != null && (how == LinuxWritePath.PROCESS_VM_WRITEV
                    ? (m.permissions() & VmOptions.PERM_WRITE) != 0 : !"[vvar]".equals(m.name()));
            if (!ok) {
                break;
            }
            at = Math.min(end, m.end());
        }
        return (int) (at - address);
    }

    private static MapEntry mappingAt(List<MapEntry> maps, long address) {
        for (MapEntry e : maps) {
            if (e.isMapping() && e.contains(address)) {
                return e;
            }
        }
        return null;
    }

    private List<MapEntry> maps(long koid) {
        OptionalInt reader = session.readerFor(koid);
        return reader.isPresent() ? session.maps(reader.getAsInt()) : List.of();
    }

    private SyscallRecord record(LinuxWritePath how, int handle, long address, int length, Errno errno,
                                 long written) {
        String args = how == LinuxWritePath.PROCESS_VM_WRITEV
                ? "process=" + handle + " remote_iov=[{base=0x" + Long.toHexString(address) + ", len=" + length + "}]"
                : "fd=/proc/PID/mem count=" + length + " offset=0x" + Long.toHexString(address);
        Rule rule = errno == Errno.OK && written == length ? Rule.COMPLETE : Rule.OTHER;
        return session.kernel().mirror().record(how.syscall(), args, errno, length, written, rule, address + written);
    }
}
