package memscope.app.live;

import java.util.LinkedHashMap;
import java.util.Map;
import memscope.model.linux.LinuxMapping;
import memscope.model.linux.LinuxProcess;
import memscope.model.scenario.LoadedScenario;

/** Presents an attached live process as a scenario the main window can show: one process, viewed and edited. */
final class LiveScenario {
    /** The handle name of the attached process (its full-rights handle: reads and edits go through it). */
    static final String HANDLE = "linux";

    private LiveScenario() {
    }

    /** {@code linux: NAME (PID)}, viewed from the first mapping of its executable (where the ELF header is). */
    static LoadedScenario of(LinuxProcess process) {
        Map<String, Integer> handles = new LinkedHashMap<>();
        handles.put(HANDLE, process.processHandle());
        String title = "linux: " + process.name() + " (" + process.pid() + ")";
        return new LoadedScenario(title, title, process.kernel(), handles, HANDLE, HANDLE, start(process));
    }

    private static long start(LinuxProcess process) {
        long first = 0;
        for (LinuxMapping m : process.mappings()) {
            if (first == 0) {
                first = m.start();
            }
            if (!m.anonymous() && !m.path().startsWith("[") && m.offset() == 0) {
                return m.start(); // the executable is mapped first, from offset 0
            }
        }
        return first;
    }
}
