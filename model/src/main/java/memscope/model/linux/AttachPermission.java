package memscope.model.linux;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Optional;

import memscope.model.text.Text;

/**
 * Why Linux refused to let MemScope read a process (ptrace's access mode check): the process belongs to another
 * user, Yama's {@code kernel.yama.ptrace_scope} forbids it, or the process is not dumpable.
 */
final class AttachPermission {
    private AttachPermission() {
    }

    /** The reason for {@code pid}, from what {@code /proc} says now. */
    static Text reason(int pid) {
        int ownUid = ProcFs.ownUid();
        int targetUid = -1;
        String owner = "?";
        try {
            targetUid = ProcFs.realUid(ProcFs.read(pid, "status"));
            owner = Files.getOwner(ProcFs.dir(pid)).getName();
        } catch (IOException | RuntimeException e) {
            // the reason is then the generic one
        }
        return reason(pid, targetUid, owner, ownUid, ProcFs.ptraceScope(), isDescendant(pid));
    }

    /**
     * The rules in the order the kernel applies them: another user's process needs root (CAP_SYS_PTRACE); then
     * Yama: scope 1 lets only ancestors attach, 2 only root, 3 nobody; what is left is a process that is not
     * dumpable (a set-user-ID program, or one that called {@code prctl(PR_SET_DUMPABLE, 0)}).
     */
    static Text reason(int pid, int targetUid, String owner, int ownUid, int ptraceScope, boolean descendant) {
        boolean root = ownUid == 0;
        if (ptraceScope == 3) {
            return LinuxWords.of("permission.scope3");
        }
        if (!root && targetUid >= 0 && targetUid != ownUid) {
            return LinuxWords.of("permission.otherUser", pid, owner, targetUid, ownUid);
        }
        if (ptraceScope == 2 && !root) {
            return LinuxWords.of("permission.scope2");
        }
        if (ptraceScope == 1 && !root && !descendant) {
            return LinuxWords.of("permission.scope1", pid);
        }
        return LinuxWords.of("permission.notDumpable", pid);
    }

    /** Whether MemScope started {@code pid} (directly or not): Yama's scope 1 lets ancestors attach. */
    static boolean isDescendant(int pid) {
        long self = ProcessHandle.current().pid();
        Optional<ProcessHandle> p = ProcessHandle.of(pid);
        for (int depth = 0; p.isPresent() && depth < 1000; depth++) {
            p = p.get().parent();
            if (p.isPresent() && p.get().pid() == self) {
                return true;
            }
        }
        return false;
    }
}
