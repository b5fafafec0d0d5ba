package memscope.model;

/**
 * One completed syscall: its name, its arguments as text, its outcome, and for memory calls the rule that decided
 * it. Zircon calls carry a {@link Status}; Mach calls a {@link KernReturn}; calls of the Linux personality on a
 * live process (see {@link Mirror#record}) an {@link Errno}. The other two are null. When the documented answer and
 * today's kernels' answer differ for this call, {@code fidelityNote} names both (else null). A memory call
 * ({@code zx_process_read/write_memory}, {@code vm_read/write/protect/region}) names the koid of the process whose
 * addresses it was about in {@code processKoid} (0 when it named none that exists, and for every other call), so
 * a view can name those addresses long after, whatever it shows by then.
 */
public record SyscallRecord(long sequence, String name, String arguments, Status status, KernReturn kernReturn,
                            long requested, long actual, Rule rule, long ruleAddress, Errno errno,
                            FidelityNote fidelityNote, long processKoid) {

    /** A record that names no process. */
    public SyscallRecord(long sequence, String name, String arguments, Status status, KernReturn kernReturn,
                         long requested, long actual, Rule rule, long ruleAddress, Errno errno,
                         FidelityNote fidelityNote) {
        this(sequence, name, arguments, status, kernReturn, requested, actual, rule, ruleAddress, errno,
                fidelityNote, 0);
    }

    /** A Linux call's record. */
    public SyscallRecord(long sequence, String name, String arguments, Status status, KernReturn kernReturn,
                         long requested, long actual, Rule rule, long ruleAddress, Errno errno) {
        this(sequence, name, arguments, status, kernReturn, requested, actual, rule, ruleAddress, errno, null);
    }

    /** A Zircon or Mach call's record, carrying a note where the two fidelities differ. */
    public SyscallRecord(long sequence, String name, String arguments, Status status, KernReturn kernReturn,
                         long requested, long actual, Rule rule, long ruleAddress, FidelityNote fidelityNote) {
        this(sequence, name, arguments, status, kernReturn, requested, actual, rule, ruleAddress, null, fidelityNote);
    }

    /** This record carrying {@code note}. */
    public SyscallRecord withFidelityNote(FidelityNote note) {
        return new SyscallRecord(sequence, name, arguments, status, kernReturn, requested, actual, rule, ruleAddress,
                errno, note, processKoid);
    }

    /** This record naming process {@code koid} as the one whose addresses it is about. */
    public SyscallRecord withProcess(long koid) {
        return new SyscallRecord(sequence, name, arguments, status, kernReturn, requested, actual, rule, ruleAddress,
                errno, fidelityNote, koid);
    }

    /** A Zircon or Mach call's record on which the two fidelities agree. */
    public SyscallRecord(long sequence, String name, String arguments, Status status, KernReturn kernReturn,
                         long requested, long actual, Rule rule, long ruleAddress) {
        this(sequence, name, arguments, status, kernReturn, requested, actual, rule, ruleAddress, null, null);
    }

    /** True when the call succeeded (ZX_OK, KERN_SUCCESS, or a Linux call without an errno). */
    public boolean ok() {
        if (status != null) {
            return status == Status.OK;
        }
        return kernReturn != null ? kernReturn == KernReturn.SUCCESS : errno == Errno.OK;
    }

    /** {@code ZX_ERR_ACCESS_DENIED}, {@code KERN_PROTECTION_FAILURE}, or {@code EFAULT} ({@code OK} for Linux). */
    public String resultName() {
        if (status != null) {
            return status.zxName();
        }
        return kernReturn != null ? kernReturn.machName() : errno.name();
    }

    /** True for a successful transfer that moved fewer bytes than asked. */
    public boolean partial() {
        return ok() && actual < requested;
    }
}
