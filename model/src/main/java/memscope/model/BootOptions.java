package memscope.model;

/**
 * Kernel command-line options the simulation honours. Immutable: change them by building a new value.
 */
public final class BootOptions {
    private static final BootOptions DEFAULTS = new BootOptions(false, false, Fidelity.DOCUMENTED);

    private final boolean debuggingSyscalls;
    private final boolean legacyNoMemory;
    private final Fidelity fidelity;

    private BootOptions(boolean debuggingSyscalls, boolean legacyNoMemory, Fidelity fidelity) {
        this.debuggingSyscalls = debuggingSyscalls;
        this.legacyNoMemory = legacyNoMemory;
        this.fidelity = fidelity;
    }

    /** Zircon's defaults: debugging syscalls off, current error codes, answers as documented. */
    public static BootOptions defaults() {
        return DEFAULTS;
    }

    /** {@code kernel.enable-debugging-syscalls}. */
    public BootOptions withDebuggingSyscalls(boolean on) {
        return new BootOptions(on, legacyNoMemory, fidelity);
    }

    /** Report an unmapped address as ERR_NO_MEMORY, as the older documentation and older kernels did. */
    public BootOptions withLegacyNoMemory(boolean on) {
        return new BootOptions(debuggingSyscalls, on, fidelity);
    }

    /**
     * Answer as the documentation says ({@link Fidelity#DOCUMENTED}, the default) or as today's kernels do where the
     * two differ (see {@link Divergence}). Null means the default.
     */
    public BootOptions withFidelity(Fidelity f) {
        return new BootOptions(debuggingSyscalls, legacyNoMemory, f == null ? Fidelity.DOCUMENTED : f);
    }

    public Fidelity fidelity() {
        return fidelity;
    }

    /** True when today's kernels decide where they differ from the documentation. */
    public boolean today() {
        return fidelity == Fidelity.TODAY;
    }

    public boolean debuggingSyscalls() {
        return debuggingSyscalls;
    }

    public boolean legacyNoMemory() {
        return legacyNoMemory;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BootOptions b && b.debuggingSyscalls == debuggingSyscalls
                && b.legacyNoMemory == legacyNoMemory && b.fidelity == fidelity;
    }

    @Override
    public int hashCode() {
        return (debuggingSyscalls ? 1 : 0) | (legacyNoMemory ? 2 : 0) | fidelity.ordinal() << 2;
    }

    @Override
    public String toString() {
        return "kernel.enable-debugging-syscalls=" + debuggingSyscalls + (legacyNoMemory ? " legacy-no-memory" : "")
                + (fidelity == Fidelity.TODAY ? " fidelity=today" : "");
    }
}
