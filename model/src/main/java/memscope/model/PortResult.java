package memscope.model;

/** A Mach task port name, valid when {@code kr} is SUCCESS. */
public record PortResult(KernReturn kr, int port) {
}
