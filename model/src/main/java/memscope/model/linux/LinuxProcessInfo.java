package memscope.model.linux;

/**
 * A row of the process picker.
 *
 * @param name        {@code /proc/PID/comm}
 * @param commandLine the arguments joined by spaces; empty for a kernel thread
 * @param rssBytes    resident set size ({@code VmRSS}); 0 for a kernel thread
 */
public record LinuxProcessInfo(int pid, String name, String commandLine, long rssBytes, int uid) {
}
