package memscope.model;

/**
 * Which rule of a memory syscall decided its outcome: the refusal, the clipping of a partial transfer, or a plain
 * success. Views turn it into words; {@link SyscallRecord#ruleAddress()} says where it applied.
 */
public enum Rule {
    /** Everything requested was transferred. */
    COMPLETE,
    /** {@code kernel.enable-debugging-syscalls} is off. */
    DEBUGGING_SYSCALLS_DISABLED,
    /** The buffer is null, too short, or the size is zero or above 64 MiB. */
    INVALID_BUFFER,
    /** The handle value names no live handle. */
    BAD_HANDLE,
    /** The handle is not of the type the call needs. */
    WRONG_TYPE,
    /** The handle lacks a right the call needs; {@link SyscallRecord#ruleAddress()} holds the missing rights. */
    MISSING_RIGHTS,
    /** The process is dead: it has no address space. */
    PROCESS_DEAD,
    /** No mapping contains the address (a hole, or only a VMAR). */
    UNMAPPED,
    /** The address lies in the vDSO, which is protected; ruleAddress is the vDSO mapping's base. */
    VDSO_PROTECTED,
    /** The transfer stopped at the end of the mapping; ruleAddress is that end. */
    CLIPPED_AT_MAPPING_END,
    /** The address maps past the end of its VMO (the VMO shrank); ruleAddress is the VMO offset. */
    OFFSET_BEYOND_VMO,
    /** The transfer stopped at the end of the VMO; ruleAddress is the address where the VMO ends. */
    CLIPPED_AT_VMO_END,
    /** The VMO is not CACHED; ruleAddress is the VMO's koid. */
    NOT_CACHEABLE,
    /** A page the call needed could not be read from the file behind its VMO (deleted, truncated, I/O error). */
    IO_ERROR,
    /** Some other check of a non-memory syscall refused the call. */
    OTHER
}
