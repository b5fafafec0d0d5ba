package memscope.app.edit;

/** What the {@link Editor} keeps per document: the undo history and what the changed bytes held before. */
public interface EditTarget {
    EditHistory history();

    /** What the bytes the editor changed held before, since the document was opened or saved. */
    OriginalBytes originals();

    /**
     * The kernel address of the document's {@code address}: a file document counts from its first byte, while
     * the kernel sees the file where it is mapped. Everything else the editor keeps and reports (history, old
     * bytes, flashes) is in the document's addresses.
     */
    default long toKernel(long address) {
        return address;
    }
}
