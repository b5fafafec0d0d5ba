package memscope.model.script;

import java.util.Locale;

/** What a piece of console text is, for syntax highlighting. */
public enum TokenKind {
    COMMAND, NAME, NUMBER, BYTES, STRING, OPTION, COMMENT, ERROR;

    /** The CSS class a code area gives this kind, e.g. {@code console-command}. */
    public String cssClass() {
        return "console-" + name().toLowerCase(Locale.ROOT);
    }
}
