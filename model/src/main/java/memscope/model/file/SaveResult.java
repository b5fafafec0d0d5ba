package memscope.model.file;

import java.nio.file.Path;

import memscope.model.text.Localized;
import memscope.model.text.Text;

/**
 * What a save did. Only {@link Outcome#SAVED} changed anything on disk; every other outcome leaves the target
 * file and the document's dirty pages as they were.
 *
 * @param pagesWritten dirty pages written into the new file
 * @param bytesCopied  unchanged bytes copied from the original
 * @param text         a sentence for the status bar, in any language
 * @param method       how the save reached the disk (null when nothing was written)
 */
public record SaveResult(Outcome outcome, Path path, int pagesWritten, long bytesCopied, Text text,
                         SaveMethod method) implements Localized {
    public SaveResult(Outcome outcome, Path path, int pagesWritten, long bytesCopied, Text text) {
        this(outcome, path, pagesWritten, bytesCopied, text, null);
    }

    public enum Outcome {
        SAVED,
        /** Someone else changed the file since it was opened or last saved; save again with force to overwrite. */
        CHANGED_ON_DISK,
        /** The file was opened read-only; use Save As. */
        READ_ONLY,
        /** An I/O error; the message says which. */
        FAILED
    }

    public boolean saved() {
        return outcome == Outcome.SAVED;
    }

    /** The sentence for the status bar, in English. */
    public String message() {
        return text.english();
    }
}
