package memscope.model.scenario;

import java.util.Map;

import memscope.model.Status;
import memscope.model.text.Text;

/**
 * A few words on what a refused syscall most likely means for the scenario author, keyed by syscall and status.
 * Only the combinations a scenario can plausibly run into are listed; others get the status alone.
 */
final class SyscallHints {
    /** "syscall/STATUS" to the key of its hint in the scenario bundle. */
    private static final Map<String, String> HINTS = Map.ofEntries(
            Map.entry("zx_vmo_create/ERR_OUT_OF_RANGE", "hint.sizeTooLarge"),
            Map.entry("zx_vmo_write/ERR_OUT_OF_RANGE", "hint.contentsPastEnd"),
            Map.entry("zx_vmo_set_size/ERR_UNAVAILABLE", "hint.notResizable"),
            Map.entry("zx_vmo_set_size/ERR_OUT_OF_RANGE", "hint.sizeTooLarge"),
            Map.entry("zx_vmar_allocate/ERR_ALREADY_EXISTS", "hint.vmarOverlap"),
            Map.entry("zx_vmar_allocate/ERR_INVALID_ARGS", "hint.vmarInvalidArgs"),
            Map.entry("zx_vmar_allocate/ERR_ACCESS_DENIED", "hint.vmarAccessDenied"),
            Map.entry("zx_vmar_allocate/ERR_NO_RESOURCES", "hint.vmarNoResources"),
            Map.entry("zx_vmar_map/ERR_ALREADY_EXISTS", "hint.mapOverlap"),
            Map.entry("zx_vmar_map/ERR_INVALID_ARGS", "hint.mapInvalidArgs"),
            Map.entry("zx_vmar_map/ERR_ACCESS_DENIED", "hint.mapAccessDenied"),
            Map.entry("zx_vmar_map/ERR_NO_RESOURCES", "hint.mapNoResources"),
            Map.entry("zx_handle_duplicate/ERR_INVALID_ARGS", "hint.duplicateRights"),
            Map.entry("zx_handle_duplicate/ERR_ACCESS_DENIED", "hint.duplicateDenied"),
            Map.entry("zx_task_kill/ERR_ACCESS_DENIED", "hint.killDenied"));

    private SyscallHints() {
    }

    /** {@code "zx_vmar_map failed: ZX_ERR_ALREADY_EXISTS (overlaps another mapping)"}. */
    static Text failure(String syscall, Status status) {
        String hint = HINTS.get(syscall + "/" + status.name());
        return hint != null ? ScenarioWords.of("syscall.failedHint", syscall, status.zxName(), ScenarioWords.of(hint))
                : ScenarioWords.of("syscall.failed", syscall, status.zxName());
    }
}
