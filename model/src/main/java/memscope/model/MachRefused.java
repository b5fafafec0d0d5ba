package memscope.model;

/**
 * Thrown inside the kernel lock when a Mach call's check fails; {@link Mach} turns it into the call's
 * {@link KernReturn}. The Mach twin of {@link Refused}: control flow, so it carries no stack trace.
 */
final class MachRefused extends RuntimeException {
    final KernReturn kr;
    final Rule rule;
    final long address;

    MachRefused(KernReturn kr, Rule rule, long address) {
        super(kr.machName(), null, false, false);
        this.kr = kr;
        this.rule = rule;
        this.address = address;
    }

    static void require(boolean condition, KernReturn otherwise, Rule rule, long address) {
        if (!condition) {
            throw new MachRefused(otherwise, rule, address);
        }
    }
}
