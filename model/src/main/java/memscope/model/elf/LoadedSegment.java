package memscope.model.elf;

/**
 * Where one PT_LOAD segment landed: {@code [base, end)} page-aligned, of which {@code [base, fileEnd)} is the VMO
 * read from the file (named {@code name}) and {@code [fileEnd, end)} the zero-filled {@code .bss} VMO (named
 * {@code bssName}, null when there is none). {@code perms} uses {@code VmOptions.PERM_*} bits.
 */
public record LoadedSegment(int index, long base, long fileEnd, long end, int perms, String name, String bssName) {
}
