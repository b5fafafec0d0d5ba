package memscope.app.edit;

/** What the {@link Editor} keeps per document: the undo history and what the changed bytes held before. */
public interface EditTarget {
    EditHistory history();

    /** What the bytes the editor changed held before, since the document was opened or saved. */
    OriginalBytes originals();
}
