package memscope.model.history;

/**
 * One call the history recorded: its number in the syscall log, its name ({@code zx_process_write_memory},
 * {@code vm_write}, ...), who made it, and what it did. A refused call is recorded too (a mark on the timeline)
 * and changed nothing, except a Mach copyout that stored bytes before its fault.
 */
public record Step(long sequence, String name, Caller caller, boolean refused, boolean wroteBytes,
                   boolean changedStructure) {

    /** The personality that served the call: Mach for {@code vm_*}, Zircon for {@code zx_*}, else empty. */
    public String personality() {
        if (name.startsWith("zx_")) {
            return "Zircon";
        }
        return name.startsWith("vm_") || name.startsWith("task_") ? "Mach" : "";
    }
}
