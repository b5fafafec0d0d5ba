package memscope.model;

/**
 * Thrown inside the kernel lock when a syscall's check fails; the call turns it into its result. A Zircon check
 * carries a {@link Status}, a Mach check a {@link KernReturn} (the other is null). Carries no stack trace: it is
 * control flow, not a bug report.
 */
final class Refused extends RuntimeException {
    /** The Zircon outcome, or null when a Mach check refused. */
    final Status status;
    /** The Mach outcome, or null when a Zircon check refused. */
    final KernReturn kr;
    final Rule rule;
    final long address;
    /** True when the call stored bytes before it failed (a small Mach copyout): its changes are reported. */
    boolean keptChanges;

    Refused(Status status, Rule rule, long address) {
        this(status, null, rule, address, status.zxName());
    }

    Refused(Status status) {
        this(status, Rule.OTHER, 0);
    }

    Refused(KernReturn kr, Rule rule, long address) {
        this(null, kr, rule, address, kr.machName());
    }

    private Refused(Status status, KernReturn kr, Rule rule, long address, String message) {
        super(message, null, false, false);
        this.status = status;
        this.kr = kr;
        this.rule = rule;
        this.address = address;
    }

    /**
     * A page source (a file) could not supply a page the call needed: {@code ZX_ERR_IO} for a Zircon call,
     * {@code KERN_MEMORY_ERROR} for a Mach one, as each kernel reports a pager that fails.
     */
    static Refused io() {
        return new Refused(Status.ERR_IO, KernReturn.MEMORY_ERROR, Rule.IO_ERROR, 0, "ZX_ERR_IO");
    }

    /** The Zircon outcome; a Mach check refusing a Zircon call would be a bug in the simulation, so it throws. */
    Status zirconStatus() {
        if (status == null) {
            throw new IllegalStateException("a Mach check (" + kr.machName() + ") refused a Zircon call");
        }
        return status;
    }

    /** The Mach outcome; a Zircon check refusing a Mach call would be a bug in the simulation, so it throws. */
    KernReturn machReturn() {
        if (kr == null) {
            throw new IllegalStateException("a Zircon check (" + status.zxName() + ") refused a Mach call");
        }
        return kr;
    }

    /** This refusal, marked as following stored bytes whose changes must still be reported. */
    Refused keepingChanges() {
        keptChanges = true;
        return this;
    }

    /** A Mach check: refuses with {@code otherwise} unless {@code condition} holds. */
    static void require(boolean condition, KernReturn otherwise, Rule rule, long address) {
        if (!condition) {
            throw new Refused(otherwise, rule, address);
        }
    }
}
