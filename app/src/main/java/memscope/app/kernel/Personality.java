package memscope.app.kernel;

/**
 * Which kernel personality the editor's writes go through: Zircon's debugger call, which writes through read-only
 * mappings, or Mach's {@code vm_write}, which honours the mappings' protection.
 */
public enum Personality {
    ZIRCON("personality.zircon"),
    MACH("personality.mach");

    private final String messageKey;

    Personality(String messageKey) {
        this.messageKey = messageKey;
    }

    /** The resource-bundle key of its label ("Zircon zx_process_write_memory"). */
    public String messageKey() {
        return messageKey;
    }

    /** The other one: the switch's shortcut flips between the two. */
    public Personality other() {
        return this == ZIRCON ? MACH : ZIRCON;
    }
}
