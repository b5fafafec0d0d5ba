package memscope.model.linux;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The processes a picker offers: this user's, from {@code /proc}. */
public final class LinuxProcesses {
    private LinuxProcesses() {
    }

    /**
     * This user's processes (same real uid), by PID. A process that exits while {@code /proc} is scanned is left
     * out; nothing throws (without {@code /proc} the list is empty).
     */
    public static List<LinuxProcessInfo> list() {
        int uid = ProcFs.ownUid();
        List<LinuxProcessInfo> out = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(ProcFs.PROC)) {
            for (Path dir : dirs) {
                int pid = pidOf(dir.getFileName().toString());
                if (pid > 0) {
                    LinuxProcessInfo info = describe(pid);
                    if (info != null && info.uid() == uid) {
                        out.add(info);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // no /proc: nothing to pick
        }
        out.sort(Comparator.comparingInt(LinuxProcessInfo::pid));
        return out;
    }

    /** One process, or null once it has gone. */
    public static LinuxProcessInfo describe(int pid) {
        try {
            String status = ProcFs.read(pid, "status");
            return new LinuxProcessInfo(pid, ProcFs.comm(pid), ProcFs.commandLine(pid), ProcFs.rssBytes(status),
                    ProcFs.realUid(status));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static int pidOf(String name) {
        if (name.isEmpty() || name.length() > 9) {
            return -1;
        }
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) < '0' || name.charAt(i) > '9') {
                return -1;
            }
        }
        return Integer.parseInt(name);
    }
}
