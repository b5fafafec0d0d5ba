package memscope.model.linux;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small reads of {@code /proc}: a process's name, owner, state and start time. */
final class ProcFs {
    static final Path PROC = Path.of("/proc");

    private ProcFs() {
    }

    static Path dir(int pid) {
        return PROC.resolve(Integer.toString(pid));
    }

    /** A whole {@code /proc} file as text (they are small and have no reliable size, so read to the end). */
    static String read(int pid, String file) throws IOException {
        return new String(Files.readAllBytes(dir(pid).resolve(file)), StandardCharsets.UTF_8);
    }

    /** {@code /proc/PID/comm} without its newline. */
    static String comm(int pid) throws IOException {
        return read(pid, "comm").strip();
    }

    /** The command line, arguments joined by spaces; empty for a kernel thread. */
    static String commandLine(int pid) throws IOException {
        byte[] raw = Files.readAllBytes(dir(pid).resolve("cmdline"));
        int n = raw.length;
        while (n > 0 && raw[n - 1] == 0) {
            n--;
        }
        for (int i = 0; i < n; i++) {
            if (raw[i] == 0) {
                raw[i] = ' ';
            }
        }
        return new String(raw, 0, n, StandardCharsets.UTF_8);
    }

    /** The value of a {@code Key:} line of {@code /proc/PID/status}, or null. */
    static String statusField(String status, String key) {
        int at = status.startsWith(key + ":") ? 0 : status.indexOf("\n" + key + ":");
        if (at < 0) {
            return null;
        }
        int from = status.indexOf(':', at) + 1;
        int to = status.indexOf('\n', from);
        return status.substring(from, to < 0 ? status.length() : to).strip();
    }

    /** The real uid from a status text's {@code Uid:} line (real, effective, saved, fs), or -1. */
    static int realUid(String status) {
        String uids = statusField(status, "Uid");
        if (uids == null || uids.isEmpty()) {
            return -1;
        }
        return Integer.parseInt(uids.split("\\s+")[0]);
    }

    /** {@code VmRSS} in bytes; 0 when absent (kernel threads, zombies). */
    static long rssBytes(String status) {
        String rss = statusField(status, "VmRSS");
        if (rss == null) {
            return 0;
        }
        return Long.parseLong(rss.split("\\s+")[0]) * 1024;
    }

    /** This JVM's real uid. */
    static int ownUid() {
        try {
            return realUid(Files.readString(PROC.resolve("self/status")));
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * Field 22 of {@code /proc/PID/stat}, the start time in clock ticks since boot: with the PID it names one
     * process for good, even after the PID is reused. Throws when the process is gone.
     */
    static long startTime(int pid) throws IOException {
        String stat = read(pid, "stat");
        // the name in parentheses may hold spaces and parentheses: fields start after the last ')'
        String[] rest = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(rest[19]);
    }

    /**
     * Whether {@code pid} is still the process that started at {@code startTime} and has not exited (one read of
     * {@code /proc/PID/stat}: a zombie, a dead or a reused PID is not).
     */
    static boolean running(int pid, long startTime) {
        try {
            String stat = read(pid, "stat");
            int after = stat.lastIndexOf(')') + 2;
            char state = stat.charAt(after);
            return state != 'Z' && state != 'X' && Long.parseLong(stat.substring(after).split(" ")[19]) == startTime;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The state letter of {@code /proc/PID/stat} (R, S, D, Z, X...). */
    static char state(int pid) throws IOException {
        String stat = read(pid, "stat");
        return stat.charAt(stat.lastIndexOf(')') + 2);
    }

    /** PF_KTHREAD in the flags of {@code /proc/PID/stat} (field 9). */
    private static final long PF_KTHREAD = 0x00200000L;

    /**
     * Whether {@code pid} is a kernel thread, by the kernel's own flag: an exiting process also has an empty
     * command line and no maps (before it turns zombie), so those do not tell the two apart.
     */
    static boolean kernelThread(int pid) throws IOException {
        String stat = read(pid, "stat");
        String[] rest = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(rest[6]) & PF_KTHREAD) != 0;
    }

    /** {@code kernel.yama.ptrace_scope}, or -1 when Yama is not there. */
    static int ptraceScope() {
        try {
            return Integer.parseInt(Files.readString(PROC.resolve("sys/kernel/yama/ptrace_scope")).strip());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }
}
