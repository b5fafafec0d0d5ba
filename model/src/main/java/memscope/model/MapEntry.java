package memscope.model;

/**
 * One node of a process's address space, as {@code ZX_INFO_PROCESS_MAPS} reports it: the root VMAR at depth 0,
 * children deeper, in address order. {@code permissions} uses {@link VmOptions} PERM_* bits (0 for VMARs).
 */
public record MapEntry(String name, long base, long size, int depth, boolean isMapping, int permissions,
                       long vmoKoid, long vmoOffset) {
    public long end() {
        return base + size;
    }

    public boolean contains(long address) {
        return address - base >= 0 && address - base < size;
    }
}
