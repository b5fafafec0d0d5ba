package memscope.model.history;

/** A call that changed one byte: the call, and the byte's value just before and just after it. */
public record Writer(Step step, int before, int after) {
    public long sequence() {
        return step.sequence();
    }
}
