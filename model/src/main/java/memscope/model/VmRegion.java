package memscope.model;

/** A child of a VMAR: either a sub-VMAR or a mapping, occupying {@code [base, base + size)}. */
sealed interface VmRegion permits VmAddressRegion, VmMapping {
    long base();

    long size();

    default long end() {
        return base() + size();
    }

    default boolean contains(long address) {
        return address - base() >= 0 && address - base() < size();
    }
}
