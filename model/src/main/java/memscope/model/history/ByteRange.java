package memscope.model.history;

import java.util.List;

/**
 * Bytes {@code [offset, offset + length)} of the VMO {@code vmoKoid} that differ between two moments, and the
 * calls between them that wrote there (in call order).
 */
public record ByteRange(long vmoKoid, long offset, long length, List<Long> sequences) {
    public ByteRange {
        sequences = List.copyOf(sequences);
    }

    public long end() {
        return offset + length;
    }
}
