package memscope.model;

/**
 * One mapping of an address space that lives outside the kernel (a live Linux process), as {@link Mirror#update}
 * maps it: a VMO of {@code size} bytes named {@code name}, whose pages come from {@code source} (page 0 is the
 * page at {@code base}), mapped at {@code base} with {@code perms} ({@code VmOptions.PERM_*} bits, possibly none).
 * A {@code vdso} region is marked and protected as the Zircon vDSO is: its mapping is permanent, and
 * {@code writeMemory} and {@code vm_write} refuse it.
 */
public record MirroredRegion(long base, long size, int perms, String name, PageSource source, boolean vdso) {
    public long end() {
        return base + size;
    }
}
