package memscope.model.linux;

import java.util.List;

import memscope.model.text.Text;

/**
 * What a reload of {@code /proc/PID/maps} found: mappings that appeared, vanished or changed (same start, but
 * another end, protection or file), each list in address order; or that the process has exited.
 *
 * @param notes what could not be shown (a mapping above user space, such as {@code [vsyscall]})
 */
public record MapsDiff(List<LinuxMapping> appeared, List<LinuxMapping> vanished, List<Change> changed,
                       boolean exited, List<Text> notes) {

    /** One mapping before and after. */
    public record Change(LinuxMapping before, LinuxMapping after) {
    }

    public boolean unchanged() {
        return appeared.isEmpty() && vanished.isEmpty() && changed.isEmpty() && !exited;
    }

    /** "3 appeared, 1 vanished, 2 changed", or that nothing changed or the process exited. */
    public Text summary() {
        if (exited) {
            return LinuxWords.of("reload.exited");
        }
        return unchanged() ? LinuxWords.of("reload.unchanged")
                : LinuxWords.of("reload.summary", appeared.size(), vanished.size(), changed.size());
    }
}
