package memscope.model.elf;

/**
 * One PT_LOAD of a core as mapped: {@code [base, end)}, of which {@code [base, readableEnd)} holds the bytes the
 * dump kept; the rest reads as unreadable ({@code ZX_ERR_IO}). {@code name} comes from NT_FILE, or is
 * {@code LOAD[i] rw-} for anonymous memory.
 */
public record CoreSegment(int index, long base, long readableEnd, long end, int perms, String name) {
}
