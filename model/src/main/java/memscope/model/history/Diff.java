package memscope.model.history;

import java.util.List;
import memscope.model.StructureChange;

/**
 * What changed between two moments {@code from} and {@code to} ({@code from <= to}): the byte ranges whose
 * values differ, in VMO and offset order, and the structural changes of the calls between them, in call order.
 */
public record Diff(long from, long to, List<ByteRange> bytes, List<Change> structure) {
    public Diff {
        bytes = List.copyOf(bytes);
        structure = List.copyOf(structure);
    }

    /** A structural change and the call that made it. */
    public record Change(long sequence, StructureChange change) {
    }

    public boolean isEmpty() {
        return bytes.isEmpty() && structure.isEmpty();
    }
}
