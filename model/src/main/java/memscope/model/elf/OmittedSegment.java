package memscope.model.elf;

import memscope.model.text.Text;

/** A core's PT_LOAD that MemScope does not map (it lies outside Zircon's user address space), and why. */
public record OmittedSegment(int index, long vaddr, long memsz, Text reason) {
}
