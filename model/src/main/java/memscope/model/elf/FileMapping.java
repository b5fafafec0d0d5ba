package memscope.model.elf;

/** One entry of a core's NT_FILE note: the file mapped at {@code [start, end)} from page {@code pageOffset}. */
public record FileMapping(long start, long end, long pageOffset, String path) {
    boolean contains(long address) {
        return Long.compareUnsigned(address, start) >= 0 && Long.compareUnsigned(address, end) < 0;
    }
}
