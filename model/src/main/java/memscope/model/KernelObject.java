package memscope.model;

/** Base of every kernel object: a koid that is never reused, a type, and a name of at most 31 bytes. */
abstract class KernelObject {
    static final int MAX_NAME_LENGTH = 31;

    final long koid;
    private volatile String name;

    KernelObject(long koid, String name) {
        this.koid = koid;
        setName(name);
    }

    abstract ObjectType type();

    String name() {
        return name;
    }

    final void setName(String name) {
        String n = name == null ? "" : name;
        this.name = n.length() > MAX_NAME_LENGTH ? n.substring(0, MAX_NAME_LENGTH) : n;
    }
}
