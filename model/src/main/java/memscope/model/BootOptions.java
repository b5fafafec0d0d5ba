package memscope.model;

/**
 * Kernel command-line options the simulation honours. Immutable: change them by building a new value.
 */
public final class BootOptions {
    private static final BootOptions DEFAULTS = new BootOptions(false, false);

    private final boolean debuggingSyscalls;
    private final boolean legacyNoMemory;

    private BootOptions(boolean debuggingSyscalls, boolean legacyNoMemory) {
        this.debuggingSyscalls = debuggingSyscalls;
        this.legacyNoMemory = legacyNoMemory;
    }

    /** Zircon's defaults: debugging syscalls off, current error codes. */
    public static BootOptions defaults() {
        return DEFAULTS;
    }

    /** {@code kernel.enable-debugging-syscalls}. */
    public BootOptions withDebuggingSyscalls(boolean on) {
        return new BootOptions(on, legacyNoMemory);
    }

    /** Report an unmapped address as ERR_NO_MEMORY, as the older documentation says. */
    public BootOptions withLegacyNoMemory(boolean on) {
        return new BootOptions(debuggingSyscalls, on);
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
                && b.legacyNoMemory == legacyNoMemory;
    }

    @Override
    public int hashCode() {
        return (debuggingSyscalls ? 1 : 0) | (legacyNoMemory ? 2 : 0);
    }

    @Override
    public String toString() {
        return "kernel.enable-debugging-syscalls=" + debuggingSyscalls + (legacyNoMemory ? " legacy-no-memory" : "");
    }
}
