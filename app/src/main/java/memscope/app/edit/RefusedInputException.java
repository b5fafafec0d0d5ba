package memscope.app.edit;

import memscope.app.text.Worded;

/**
 * An unchecked refusal of what the user asked for (a selection too large to copy, text an encoding cannot hold):
 * carries an app bundle key and arguments, so the UI words it with {@code messages.describe(e)}.
 * {@link #getMessage()} is the English wording.
 */
public final class RefusedInputException extends IllegalArgumentException implements Worded {
    private static final long serialVersionUID = 1L;
    private final String key;
    private final transient Object[] args;

    RefusedInputException(String key, Object... args) {
        super(EnglishWords.get(key, args));
        this.key = key;
        this.args = args.clone();
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public Object[] args() {
        return args.clone();
    }
}
