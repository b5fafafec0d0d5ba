package memscope.model;

/** {@code vm_read}: the bytes, when {@code kr} is SUCCESS. */
public record ReadResult(KernReturn kr, byte[] data) {
}
