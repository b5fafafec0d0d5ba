package memscope.model;

/**
 * One completed syscall: its name, its arguments as text, its outcome, and for memory calls the rule that decided
 * it. Zircon calls carry a {@link Status}; Mach calls a {@link KernReturn} (the other field is null). When the
 * documented answer and today's kernels' answer differ for this call, {@code fidelityNote} names both (else null).
 */
public record SyscallRecord(long sequence, String name, String arguments, Status status, KernReturn kernReturn,
                            long requested, long actual, Rule rule, long ruleAddress, FidelityNote fidelityNote) {

    /** A record of a call on which the two fidelities agree. */
    public SyscallRecord(long sequence, String name, String arguments, Status status, KernReturn kernReturn,
                         long requested, long actual, Rule rule, long ruleAddress) {
        this(sequence, name, arguments, status, kernReturn, requested, actual, rule, ruleAddress, null);
    }

    /** This record carrying {@code note}. */
    public SyscallRecord withFidelityNote(FidelityNote note) {
        return new SyscallRecord(sequence, name, arguments, status, kernReturn, requested, actual, rule, ruleAddress,
                note);
    }

    /** True when the call succeeded (ZX_OK or KERN_SUCCESS). */
    public boolean ok() {
        return status != null ? status == Status.OK : kernReturn == KernReturn.SUCCESS;
    }

    /** {@code ZX_ERR_ACCESS_DENIED} or {@code KERN_PROTECTION_FAILURE}. */
    public String resultName() {
        return status != null ? status.zxName() : kernReturn.machName();
    }

    /** True for a successful transfer that moved fewer bytes than asked. */
    public boolean partial() {
        return ok() && actual < requested;
    }
}
