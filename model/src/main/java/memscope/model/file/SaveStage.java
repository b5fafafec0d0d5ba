package memscope.model.file;

/** The steps of an atomic save, in order; {@link SaveProgress} hears about each. */
public enum SaveStage {
    /** Unchanged ranges are being copied from the original into the temporary file. */
    COPYING,
    /** Dirty pages are being written into the temporary file. */
    WRITING_DIRTY_PAGES,
    /** The temporary file is complete and forced to disk; the rename comes next. */
    SYNCED,
    /** The temporary file replaced the target: the save is durable. */
    RENAMED
}
