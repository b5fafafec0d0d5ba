package memscope.model.file;

/** The steps of a save, in order for each method; {@link SaveProgress} hears about each. */
public enum SaveStage {
    /** Copy save: unchanged ranges are being copied from the original into the temporary file. */
    COPYING,
    /** Copy save: dirty pages are being written into the temporary file. */
    WRITING_DIRTY_PAGES,
    /** Copy save: the temporary file is complete and forced to disk; the rename comes next. */
    SYNCED,
    /** Copy save: the temporary file replaced the target: the save is durable. */
    RENAMED,
    /** In-place save: dirty pages are being written into the journal. */
    JOURNALING,
    /** In-place save: the journal is forced to disk; from here an interrupted save is finished by the next open. */
    JOURNALED,
    /** In-place save: pages are being written from the journal into the file. */
    APPLYING,
    /** In-place save: the file is forced to disk; the journal is removed next. */
    APPLIED
}
