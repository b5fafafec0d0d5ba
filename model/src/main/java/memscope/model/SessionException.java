package memscope.model;

import memscope.model.text.Localized;
import memscope.model.text.Text;

/**
 * A session file that cannot be loaded or a kernel that cannot be saved; the message says why and where, in
 * English by {@link #getMessage()} and in any language by {@link #text()}.
 */
public final class SessionException extends Exception implements Localized {
    private final transient Text text;

    /** A message that is the same in every language (a resolver's own words, say). */
    public SessionException(String message) {
        this(Text.verbatim(message));
    }

    public SessionException(String message, Throwable cause) {
        this(Text.verbatim(message), cause);
    }

    public SessionException(Text text) {
        this(text, null);
    }

    public SessionException(Text text, Throwable cause) {
        super(text.english(), cause);
        this.text = text;
    }

    @Override
    public Text text() {
        return text;
    }
}
