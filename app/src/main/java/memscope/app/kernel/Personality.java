package memscope.app.kernel;

/**
 * Which kernel personality the editor's writes go through: Zircon's debugger call, which writes through read-only
 * mappings, Mach's {@code vm_write}, which honours the mappings' protection, or Linux's {@code process_vm_writev}
 * or {@code /proc/PID/mem} (the session's {@link KernelSession#linuxPathProperty() Linux path}).
 */
public enum Personality {
    ZIRCON("personality.zircon"),
    MACH("personality.mach"),
    LINUX("personality.linux");

    private final String messageKey;

    Personality(String messageKey) {
        this.messageKey = messageKey;
    }

    /** The resource-bundle key of its label ("Zircon zx_process_write_memory"). */
    public String messageKey() {
        return messageKey;
    }

    /** The other one: the switch's shortcut flips between Zircon and Mach (from Linux it goes back to Zircon). */
    public Personality other() {
        return this == ZIRCON ? MACH : ZIRCON;
    }
}
