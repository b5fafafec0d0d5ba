package memscope.model;

/**
 * Thrown inside the kernel lock when a syscall check fails; the syscall turns it into its status. Carries no
 * stack trace: it is control flow, not a bug report.
 */
final class Refused extends RuntimeException {
    final Status status;
    final Rule rule;
    final long address;

    Refused(Status status, Rule rule, long address) {
        super(status.zxName(), null, false, false);
        this.status = status;
        this.rule = rule;
        this.address = address;
    }

    Refused(Status status) {
        this(status, Rule.OTHER, 0);
    }
}
