package memscope.model.script;

import memscope.model.text.Localized;
import memscope.model.text.Text;

/**
 * A number or byte list in console syntax that does not parse, thrown by {@link ConsoleLiterals} to formats that
 * reuse the syntax (lesson files); its {@link #text()} words the problem in the person's language.
 */
public final class BadLiteralException extends IllegalArgumentException implements Localized {
    private final transient Text text;

    BadLiteralException(Text text) {
        super(text.english());
        this.text = text;
    }

    @Override
    public Text text() {
        return text;
    }
}
