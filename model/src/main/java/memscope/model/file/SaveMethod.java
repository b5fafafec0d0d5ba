package memscope.model.file;

/** How a save reaches the disk. */
public enum SaveMethod {
    /**
     * Through a journal, writing only the changed pages into the file itself (see {@link JournaledFileWriter}).
     * Where that is impossible (Save As, a file replaced or resized on disk, no place for a journal) the save
     * copies instead.
     */
    IN_PLACE,
    /** A new file beside the target, with every unchanged byte copied, forced and renamed over it. */
    COPY
}
