package memscope.model.scenario;

import java.util.Map;

import memscope.model.Status;

/**
 * A few words on what a refused syscall most likely means for the scenario author, keyed by syscall and status.
 * Only the combinations a scenario can plausibly run into are listed; others get the status alone.
 */
final class SyscallHints {
    private static final Map<String, String> HINTS = Map.ofEntries(
            Map.entry("zx_vmo_create/ERR_OUT_OF_RANGE", "the size is too large for a VMO"),
            Map.entry("zx_vmo_write/ERR_OUT_OF_RANGE", "the contents run past the end of the VMO"),
            Map.entry("zx_vmo_set_size/ERR_UNAVAILABLE", "the VMO is not resizable; add \"resizable\": true"),
            Map.entry("zx_vmo_set_size/ERR_OUT_OF_RANGE", "the size is too large for a VMO"),
            Map.entry("zx_vmar_allocate/ERR_ALREADY_EXISTS", "overlaps another VMAR or mapping"),
            Map.entry("zx_vmar_allocate/ERR_INVALID_ARGS",
                    "the address is not page-aligned, the size is 0, or the range does not fit in the parent VMAR"),
            Map.entry("zx_vmar_allocate/ERR_ACCESS_DENIED",
                    "the parent VMAR does not allow these canMap flags, or a fixed address without SPECIFIC"),
            Map.entry("zx_vmar_allocate/ERR_NO_RESOURCES", "no free range that large is left in the parent VMAR"),
            Map.entry("zx_vmar_map/ERR_ALREADY_EXISTS", "overlaps another mapping"),
            Map.entry("zx_vmar_map/ERR_INVALID_ARGS", "the address or vmoOffset is not page-aligned, the length is 0,"
                    + " or the range does not fit in the VMAR"),
            Map.entry("zx_vmar_map/ERR_ACCESS_DENIED", "the VMAR's canMap flags or the handles' rights do not allow"
                    + " these permissions, or the VMAR lacks SPECIFIC for a fixed address"),
            Map.entry("zx_vmar_map/ERR_NO_RESOURCES", "no free range that large is left in the VMAR"),
            Map.entry("zx_handle_duplicate/ERR_INVALID_ARGS", "the rights are not a subset of the original handle's"),
            Map.entry("zx_handle_duplicate/ERR_ACCESS_DENIED", "the original handle lacks DUPLICATE"),
            Map.entry("zx_task_kill/ERR_ACCESS_DENIED", "the process handle lacks DESTROY"));

    private SyscallHints() {
    }

    /** {@code "zx_vmar_map failed: ZX_ERR_ALREADY_EXISTS (overlaps another mapping)"}. */
    static String failure(String syscall, Status status) {
        String hint = HINTS.get(syscall + "/" + status.name());
        return syscall + " failed: " + status.zxName() + (hint != null ? " (" + hint + ")" : "");
    }
}
