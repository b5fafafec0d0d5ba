package memscope.model.script;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import memscope.model.linux.LessonChild;
import memscope.model.linux.LinuxProcess;

/**
 * The live Linux processes a console may write into (only those attached to it, by whoever started them) and the
 * symbolic addresses they give the console's language: {@code $code}, where the last attached program's code
 * starts. Its real address changes every run, so a script or lesson names it rather than writing it down.
 */
final class LiveTargets {
    /** The symbolic addresses, without their {@code $}. */
    static final String CODE = "code";

    private final Map<Integer, LinuxProcess> byHandle = new LinkedHashMap<>();
    private LinuxProcess last;

    void attach(LinuxProcess process) {
        byHandle.put(process.processHandle(), process);
        last = process;
    }

    /** The attached process behind a process handle, if that handle is one. */
    Optional<LinuxProcess> process(int handle) {
        return Optional.ofNullable(byHandle.get(handle));
    }

    /** The symbols with a value now, each as written in a script ({@code $code}). */
    Map<String, Long> symbols() {
        Map<String, Long> out = new LinkedHashMap<>();
        if (last != null) {
            OptionalLong code = LessonChild.codeAddress(last);
            code.ifPresent(a -> out.put("$" + CODE, a));
        }
        return out;
    }
}
