package memscope.app.edit;

import memscope.app.text.InputException;

/**
 * An unchecked refusal of what the user asked for (a selection too large to copy, text an encoding cannot hold):
 * carries an app bundle key and arguments, so the UI words it with {@code messages.describe(unwrap(e))}.
 * {@link #getMessage()} is the English wording.
 */
public final class RefusedInputException extends IllegalArgumentException {
    private final InputException input;

    RefusedInputException(String key, Object... args) {
        super(EnglishWords.get(key, args));
        this.input = new InputException(key, args);
    }

    /** The refusal as a key and arguments. */
    public InputException input() {
        return input;
    }

    /** What {@code messages.describe} should word: the key and arguments of a refusal, else {@code e} itself. */
    public static Throwable unwrap(Throwable e) {
        return e instanceof RefusedInputException r ? r.input : e;
    }
}
