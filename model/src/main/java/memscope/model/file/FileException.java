package memscope.model.file;

import java.io.IOException;

import memscope.model.text.Localized;
import memscope.model.text.Text;

/** A file that cannot be opened or saved for a reason MemScope words itself (a directory, too large...). */
public final class FileException extends IOException implements Localized {
    private final transient Text text;

    FileException(Text text) {
        super(text.english());
        this.text = text;
    }

    @Override
    public Text text() {
        return text;
    }

    /** Why {@code e} happened, in words that follow the language: MemScope's own, or else the system's. */
    static Object reason(Throwable e) {
        if (e instanceof Localized l) {
            return l.text();
        }
        if (e instanceof java.io.UncheckedIOException u && u.getCause() instanceof Localized l) {
            return l.text(); // a page that could not be read during a save
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
