package memscope.model.linux;

import java.util.Optional;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;

import memscope.model.Errno;
import memscope.model.Kernel;
import memscope.model.Rule;
import memscope.model.SyscallRecord;
import memscope.model.text.Text;

/**
 * The Linux personality's write: the same bytes {@code writeMemory} just wrote into the kernel's copy, written
 * into the attached live process by one of Linux's two paths ({@link LinuxWritePath}). Only into the process this
 * was made for, which the user attached to, and only when called: nothing is written otherwise. Every call is
 * recorded in the kernel's syscall log ({@link memscope.model.Mirror#record}) with its errno, and nothing
 * throws.
 */
public final class LinuxWrites {
    private final LinuxProcess process;

    public LinuxWrites(LinuxProcess process) {
        if (process == null) {
            throw new IllegalArgumentException("LinuxWrites: the process is null");
        }
        this.process = process;
    }

    public LinuxProcess process() {
        return process;
    }

    /**
     * Writes {@code data[0, length)} at {@code address} of the live process by {@code path}. Refused before any
     * call: a null path or buffer, a length that is not positive, beyond the buffer or above 64 MiB (EINVAL); a
     * process that has exited (ESRCH).
     */
    public LinuxWriteResult write(LinuxWritePath path, long address, byte[] data, int length) {
        LinuxWritePath p = path == null ? LinuxWritePath.PROCESS_VM_WRITEV : path;
        if (path == null || data == null || length <= 0 || length > data.length || length > Kernel.MAX_DEBUG_IO) {
            return finish(p, address, length, Errno.EINVAL, 0, LinuxWords.of("write.invalid"));
        }
        if (!process.alive()) {
            return finish(p, address, length, Errno.ESRCH, 0, LinuxWords.of("write.exited", process.pid()));
        }
        long written;
        Errno errno = Errno.OK;
        try {
            written = p == LinuxWritePath.PROCESS_VM_WRITEV ? vmWritev(address, data, length)
                    : procMem(address, data, length);
        } catch (LastErrorException e) {
            written = 0;
            errno = Errno.of(e.getErrorCode());
            if (errno == null) {
                errno = Errno.EINVAL;
            }
        }
        if (written > 0) {
            process.memory().noteWritten(address, data, (int) written);
        }
        return finish(p, address, length, errno, written, rule(p, address, length, errno, written));
    }

    private long vmWritev(long address, byte[] data, int length) {
        Memory local = new Memory(length);
        local.write(0, data, 0, length);
        Memory localIov = new Memory(16);
        localIov.setPointer(0, local);
        localIov.setLong(8, length);
        Memory remoteIov = new Memory(16);
        remoteIov.setLong(0, address);
        remoteIov.setLong(8, length);
        return LibC.c().process_vm_writev(process.pid(), localIov, 1, remoteIov, 1, 0);
    }

    /** Opened for each write, so no writable descriptor to the process stays open. */
    private long procMem(long address, byte[] data, int length) {
        int fd = LibC.c().open("/proc/" + process.pid() + "/mem", LibC.O_RDWR | LibC.O_CLOEXEC);
        try {
            return LibC.c().pwrite(fd, data, length, address);
        } finally {
            LibC.c().close(fd);
        }
    }

    /** Why the call ended as it did, in words naming the mapping where it stopped. */
    private Text rule(LinuxWritePath path, long address, int length, Errno errno, long written) {
        long fault = address + written;
        String at = LinuxWords.hex(fault);
        Optional<LinuxMapping> there = mappingAt(fault);
        if (errno == Errno.OK && written == length) {
            LinuxMapping m = mappingAt(address).orElse(null);
            boolean forced = path == LinuxWritePath.PROC_PID_MEM && m != null && !m.writable();
            return forced ? LinuxWords.of("write.mem.forced", written, LinuxWords.hex(address), perms(m))
                    : LinuxWords.of("write.ok", path.syscall(), written, LinuxWords.hex(address));
        }
        if (errno == Errno.ESRCH) {
            return LinuxWords.of("write.exited", process.pid());
        }
        if (errno == Errno.EPERM || errno == Errno.EACCES) {
            return LinuxWords.of("write.notPermitted", process.pid(), errno.words());
        }
        if (there.isEmpty()) {
            Text why = LinuxWords.of("write.unmapped", at);
            return errno == Errno.OK ? LinuxWords.of("write.partial", written, length, why) : why;
        }
        LinuxMapping m = there.get();
        Text why;
        if (path == LinuxWritePath.PROCESS_VM_WRITEV) {
            why = LinuxWords.of("write.vmWritev.protected", at, perms(m));
        } else if (m.path().startsWith("[vvar")) {
            why = LinuxWords.of("write.mem.vmio", at, m.path());
        } else if (m.shared() && !m.writable()) {
            why = LinuxWords.of("write.mem.sharedReadOnly", at, perms(m));
        } else {
            why = LinuxWords.of("write.mem.refused", at, perms(m), errno == Errno.OK ? Errno.EIO.words()
                    : errno.words());
        }
        return errno == Errno.OK ? LinuxWords.of("write.partial", written, length, why) : why;
    }

    /** The mapping as the process has it now (the maps are reread: a write comes seldom, and protections change). */
    private Optional<LinuxMapping> mappingAt(long address) {
        try {
            for (LinuxMapping m : ProcMaps.parse(ProcFs.read(process.pid(), "maps"))) {
                if (m.contains(address)) {
                    return Optional.of(m);
                }
            }
            return Optional.empty();
        } catch (java.io.IOException | RuntimeException e) {
            return process.mappingAt(address);
        }
    }

    private static String perms(LinuxMapping m) {
        return m.perms().substring(0, 3);
    }

    private LinuxWriteResult finish(LinuxWritePath path, long address, long length, Errno errno, long written,
                                    Text rule) {
        String args = path == LinuxWritePath.PROCESS_VM_WRITEV
                ? "pid=" + process.pid() + " local_iov=[{len=" + length + "}] liovcnt=1 remote_iov=[{base="
                        + LinuxWords.hex(address) + ", len=" + length + "}] riovcnt=1 flags=0"
                : "fd=/proc/" + process.pid() + "/mem count=" + length + " offset=" + LinuxWords.hex(address);
        Rule decided = errno == Errno.OK && written == length ? Rule.COMPLETE : Rule.OTHER;
        long fault = address + written;
        // the simulated process that mirrors the live one: whose addresses the record names
        long koid = process.kernel().inspector().handle(process.processHandle())
                .map(memscope.model.KernelInspector.HandleInfo::koid).orElse(0L);
        SyscallRecord record = process.kernel().mirror().record(path.syscall(), args, errno, Math.max(0, length),
                written, decided, fault, koid);
        return new LinuxWriteResult(path, errno, address, Math.max(0, length), written, fault, rule, record);
    }
}
