package memscope.app.edit;

import java.util.List;

/** Reads memory for searching: a process through readMemory, a plain array in tests. */
public interface ByteReader {
    /**
     * Copies up to {@code length} bytes at {@code address} into {@code dst[0..]}; returns how many were copied.
     * Fewer than asked means the readable memory ends there; 0 means {@code address} itself is unreadable.
     */
    int read(long address, byte[] dst, int length);

    /**
     * The readable stretches within {@code [start, end)}, ascending and disjoint; a match never spans a gap
     * between two of them. By default the whole range is one stretch.
     */
    default List<ByteRange> readableRanges(long start, long end) {
        return start < end ? List.of(new ByteRange(start, end)) : List.of();
    }
}
