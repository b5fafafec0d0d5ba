package memscope.model;

/**
 * Attached to a call's {@link SyscallRecord} when the documented answer and today's kernels' answer differ:
 * which divergence, which fidelity decided this call, and each fidelity's result name ({@code ZX_ERR_BAD_STATE},
 * {@code KERN_INVALID_ADDRESS}, {@code ZX_OK}). The two names may be equal when only the effect differs
 * ({@link Divergence#PRIVATE_CLONE}).
 */
public record FidelityNote(Divergence divergence, Fidelity decided, String documented, String today) {
    /** The result name under {@code fidelity}. */
    public String resultUnder(Fidelity fidelity) {
        return fidelity == Fidelity.TODAY ? today : documented;
    }
}
