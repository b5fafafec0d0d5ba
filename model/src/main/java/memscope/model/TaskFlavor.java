package memscope.model;

/** Mach task port flavours, strongest first. Only CONTROL may write. */
public enum TaskFlavor {
    CONTROL, READ, INSPECT, NAME
}
