package memscope.model;

/** A place where the documented answer and today's kernels' answer differ; see {@link FidelityNote}. */
public enum Divergence {
    /**
     * A dead process's memory: documented {@code ZX_ERR_BAD_STATE}; today's Zircon finds no address space and
     * answers {@code ZX_ERR_NOT_FOUND}.
     */
    DEAD_PROCESS,
    /**
     * A debugger write into a mapping that can never be writable: documented, the bytes land in the VMO; today's
     * Zircon writes a private copy-on-write clone for that mapping (VmMapping::ForceWritable), so the VMO and its
     * other mappings do not change.
     */
    PRIVATE_CLONE,
    /**
     * The cache policy of a mapped VMO: the simulation's default allows it (a teaching convenience); the
     * documentation and today's Zircon refuse it, {@code ZX_ERR_BAD_STATE}.
     */
    CACHE_POLICY_MAPPED,
    /**
     * A {@code vm_write} of at most {@link MachMemory#SMALL_COPY_LIMIT} bytes: the documented table checks the whole
     * range first; today's XNU copies such data out like the task's own stores, so any fault is
     * {@code KERN_INVALID_ADDRESS} and the bytes before it may already be stored.
     */
    MACH_SMALL_COPY
}
