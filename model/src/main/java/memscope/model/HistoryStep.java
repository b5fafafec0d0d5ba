package memscope.model;

import java.util.List;
import memscope.model.history.Caller;
import memscope.model.history.Step;

/** A recorded call inside the history: its public face, its byte deltas and its structural changes. */
final class HistoryStep {
    final long sequence;
    final String name;
    final Caller caller;
    final boolean refused;
    /** Null, one {@link ByteDelta} (the usual case: no list to pay for), or an array of them. */
    private final Object writes;
    /** Null when the call changed no structure. */
    final List<StructureChange> structure;

    HistoryStep(long sequence, String name, Caller caller, boolean refused, List<ByteDelta> deltas,
                List<StructureChange> structure) {
        this(sequence, name, caller, refused, deltas.isEmpty() ? null : deltas.size() == 1 ? deltas.get(0)
                : deltas.toArray(new ByteDelta[0]), structure);
    }

    /** {@code writes}: null, one delta or an array of them, as {@link ByteJournal.Pending#writes()} gives them. */
    HistoryStep(long sequence, String name, Caller caller, boolean refused, Object writes,
                List<StructureChange> structure) {
        this.sequence = sequence;
        this.name = name;
        this.caller = caller;
        this.refused = refused;
        this.writes = writes;
        this.structure = structure;
    }

    /** How many byte deltas the call made (recording and pruning walk them by index: no list per call). */
    int deltaCount() {
        return writes == null ? 0 : writes instanceof ByteDelta ? 1 : ((ByteDelta[]) writes).length;
    }

    ByteDelta delta(int i) {
        return writes instanceof ByteDelta d ? d : ((ByteDelta[]) writes)[i];
    }

    Step face() {
        return new Step(sequence, name, caller, refused, writes != null, structure != null);
    }

    /** The call's byte deltas, in the order it wrote them. */
    List<ByteDelta> deltas() {
        if (writes == null) {
            return List.of();
        }
        return writes instanceof ByteDelta d ? List.of(d) : List.of((ByteDelta[]) writes);
    }
}
