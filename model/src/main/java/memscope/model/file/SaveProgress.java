package memscope.model.file;

/**
 * Told how an atomic save advances: for a progress bar, and for tests, which make it throw or stall to act out
 * a crash at a chosen moment.
 */
@FunctionalInterface
public interface SaveProgress {
    SaveProgress NONE = (stage, done, total) -> { };

    /** {@code done} of {@code total} bytes of {@code stage} are finished. */
    void advanced(SaveStage stage, long done, long total);
}
