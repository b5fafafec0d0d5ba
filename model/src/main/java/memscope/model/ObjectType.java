package memscope.model;

/** Kernel object types with Zircon's {@code ZX_OBJ_TYPE_*} values. */
public enum ObjectType {
    NONE(0),
    PROCESS(1),
    THREAD(2),
    VMO(3),
    CHANNEL(4),
    EVENT(5),
    PORT(6),
    JOB(17),
    VMAR(18),
    RESOURCE(15);

    private final int value;

    ObjectType(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }
}
