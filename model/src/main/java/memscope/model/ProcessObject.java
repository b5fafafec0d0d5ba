package memscope.model;

/** A process: a root VMAR while alive; none once killed. */
final class ProcessObject extends KernelObject {
    private final AddressSpaceLayout layout;
    private VmAddressRegion rootVmar;

    ProcessObject(long koid, String name) {
        this(koid, name, AddressSpaceLayout.ZIRCON);
    }

    ProcessObject(long koid, String name, AddressSpaceLayout layout) {
        super(koid, name);
        this.layout = layout;
    }

    @Override
    ObjectType type() {
        return ObjectType.PROCESS;
    }

    /** The shape its root VMAR was made with. */
    AddressSpaceLayout layout() {
        return layout;
    }

    void attachRoot(VmAddressRegion root) {
        this.rootVmar = root;
    }

    /** The root VMAR, or null once the process is dead. */
    VmAddressRegion rootVmar() {
        return rootVmar;
    }

    boolean alive() {
        return rootVmar != null;
    }

    /** Kills the process: its address space is torn down. */
    void kill() {
        if (rootVmar != null) {
            rootVmar.destroy();
            rootVmar = null;
        }
    }
}
