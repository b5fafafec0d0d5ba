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
    final List<ByteJournal.Delta> deltas;
    /** Null when the call changed no structure. */
    final List<StructureChange> structure;

    HistoryStep(long sequence, String name, Caller caller, boolean refused, List<ByteJournal.Delta> deltas,
                List<StructureChange> structure) {
        this.sequence = sequence;
        this.name = name;
        this.caller = caller;
        this.refused = refused;
        this.deltas = deltas;
        this.structure = structure;
    }

    Step face() {
        return new Step(sequence, name, caller, refused, !deltas.isEmpty(), structure != null);
    }
}
