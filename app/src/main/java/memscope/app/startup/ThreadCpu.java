package memscope.app.startup;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * CPU time of the JVM's threads by kind, from Linux's /proc/self/task (issue 14: start-up): on two cores the JIT
 * compilers, the collector and the renderer compete with the FX thread, and this shows by how much.
 */
final class ThreadCpu {
    private ThreadCpu() {
    }

    /** The kind of a thread by its Linux name (the first 15 characters of the Java name). */
    static String kind(String comm) {
        if (comm.startsWith("C2 Compiler")) {
            return "C2 compiler";
        } else if (comm.startsWith("C1 Compiler")) {
            return "C1 compiler";
        } else if (comm.startsWith("JavaFX Applicat")) {
            return "FX thread";
        } else if (comm.startsWith("QuantumRenderer")) {
            return "renderer";
        } else if (comm.startsWith("GC Thread") || comm.startsWith("G1 ") || comm.equals("VM Thread")) {
            return "GC and VM";
        }
        return "other";
    }

    /** User and system CPU milliseconds of one {@code /proc/.../stat} line (10 ms ticks). */
    static long millis(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
    }

    /** One line: CPU ms by kind of thread, largest first; empty where /proc is missing (not Linux). */
    static String summary() {
        Map<String, Long> byKind = new LinkedHashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                try {
                    String comm = Files.readString(task.resolve("comm")).strip();
                    byKind.merge(kind(comm), millis(Files.readString(task.resolve("stat"))), Long::sum);
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            return "";
        }
        return byKind.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> String.format(Locale.ROOT, "%s %d", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", ", "memscope: CPU ms by thread at the first frame: ", "\n"));
    }
}
