package memscope.model;

/** {@code vm_region}: the region at or above the address asked for. */
public record RegionResult(KernReturn kr, long address, long size, int protection, int maxProtection) {
}
