package memscope.model;

/**
 * Whose answer the simulation gives where the documentation and today's kernels differ. The seeds (the
 * documentation) are the default; {@link #TODAY} follows what current Zircon and XNU sources do. Each call that the
 * choice decided carries a {@link FidelityNote} naming both answers.
 */
public enum Fidelity {
    /** As the documentation (the seeds) says; the simulation's default. */
    DOCUMENTED,
    /** As today's kernels do (current Zircon {@code zircon/kernel}, XNU {@code osfmk/vm}). */
    TODAY;

    /** {@code documented} or {@code today}, as the console and scenario files write it. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
