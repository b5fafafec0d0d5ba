package memscope.model.elf;

import memscope.model.PageSource;

/**
 * One mapping a loader will make: a VMO named {@code name} of {@code size} bytes (page multiples) at
 * {@code address}, with {@code perms} ({@code VmOptions.PERM_*}); its pages come from {@code source}, or are
 * anonymous zeros when it is null.
 */
record Placement(String name, long address, long size, int perms, PageSource source) {
    long end() {
        return address + size;
    }
}
