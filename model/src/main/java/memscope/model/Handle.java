package memscope.model;

/** A handle: an unforgeable value naming an object with a set of rights. */
record Handle(int value, KernelObject object, int rights) {
    boolean has(int required) {
        return (rights & required) == required;
    }
}
