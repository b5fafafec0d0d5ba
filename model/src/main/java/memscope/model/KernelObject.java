package memscope.model;

/** Base of every kernel object: a koid that is never reused, a type, and a name of at most 31 bytes. */
abstract class KernelObject {
    static final int MAX_NAME_LENGTH = 31;

    final long koid;
    private volatile String name;
    /** How many handles name this object; kept by {@link HandleTable} under the kernel lock. */
    int handleCount;

    KernelObject(long koid, String name) {
        this.koid = koid;
        setName(name);
    }

    abstract ObjectType type();

    /**
     * Whether the caller can still reach this object, so an inspector may show it: through a handle. Every
     * reachable object is strongly referenced from the kernel's state, which {@link ObjectRegistry} relies on.
     */
    boolean reachable() {
        return handleCount > 0;
    }

    String name() {
        return name;
    }

    final void setName(String name) {
        String n = name == null ? "" : name;
        this.name = n.length() > MAX_NAME_LENGTH ? n.substring(0, MAX_NAME_LENGTH) : n;
    }
}
