package memscope.model;

/**
 * The shape of a process's user address space: where its root VMAR starts and ends, and whether the loader maps
 * the Zircon vDSO into it. {@link #ZIRCON} is what {@link Kernel#processCreate(String)} gives; {@link #LINUX_X86_64}
 * covers a Linux process's user space, which starts far lower than Zircon's (an executable is often at 0x400000
 * or 0x10000; {@code vm.mmap_min_addr} may even allow 0x1000) and has its own {@code [vdso]}.
 *
 * @param base the root VMAR's first address: page-aligned, at least one page (page 0 stays unmapped)
 * @param end  one past its last address: page-aligned, above {@code base}, at most 2^47
 * @param zirconVdso whether the new process gets the Zircon vDSO mapping
 */
public record AddressSpaceLayout(long base, long end, boolean zirconVdso) {
    /** Zircon x86-64: 16 MiB up to just below 2^47, with the vDSO. */
    public static final AddressSpaceLayout ZIRCON =
            new AddressSpaceLayout(Kernel.USER_ASPACE_BASE, Kernel.USER_ASPACE_END, true);
    /**
     * Linux x86-64 with 4-level page tables: from the second page up to 0x7ffffffff000 ({@code TASK_SIZE}), no
     * Zircon vDSO. The legacy {@code [vsyscall]} page at 0xffffffffff600000 lies above user space and is not in it.
     */
    public static final AddressSpaceLayout LINUX_X86_64 =
            new AddressSpaceLayout(Kernel.PAGE_SIZE, 0x7ffffffff000L, false);

    /** Whether a root VMAR can have this shape (a Zircon vDSO also needs room for its two pages). */
    public boolean valid() {
        boolean aligned = KernelState.pageAligned(base) && KernelState.pageAligned(end);
        boolean ordered = base >= Kernel.PAGE_SIZE && end > base && end <= 1L << 47;
        return aligned && ordered && (!zirconVdso || end - base >= Vdso.SIZE);
    }

    @Override
    public String toString() {
        return "[0x" + Long.toHexString(base) + ", 0x" + Long.toHexString(end) + ")" + (zirconVdso ? "+vdso" : "");
    }

    /** The size of the root VMAR. */
    public long size() {
        return end - base;
    }
}
