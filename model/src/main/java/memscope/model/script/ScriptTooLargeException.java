package memscope.model.script;

import java.io.IOException;
import memscope.model.text.Localized;
import memscope.model.text.Text;

/** A script file larger than {@link ScriptFiles#MAX_FILE_BYTES}; nothing of it is read further. */
public final class ScriptTooLargeException extends IOException implements Localized {
    private static final long serialVersionUID = 1L;

    private final transient Text text;

    ScriptTooLargeException(long limit) {
        this(ConsoleWords.of("file.tooLarge", limit));
    }

    private ScriptTooLargeException(Text text) {
        super(text.english());
        this.text = text;
    }

    @Override
    public Text text() {
        return text;
    }
}
