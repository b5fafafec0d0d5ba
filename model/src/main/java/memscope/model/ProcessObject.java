package memscope.model;

/** A process: a root VMAR while alive; none once killed. */
final class ProcessObject extends KernelObject {
    private VmAddressRegion rootVmar;

    ProcessObject(long koid, String name) {
        super(koid, name);
    }

    @Override
    ObjectType type() {
        return ObjectType.PROCESS;
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
