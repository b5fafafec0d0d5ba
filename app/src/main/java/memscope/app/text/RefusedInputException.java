package memscope.app.text;

import memscope.app.Messages;


/**
 * An unchecked refusal of what the user asked for (a selection too large to copy, text an encoding cannot hold,
 * a command line MemScope cannot follow):
 * carries an app bundle key and arguments, so the UI words it with {@code messages.describe(e)}.
 * {@link #getMessage()} is the English wording.
 */
public final class RefusedInputException extends IllegalArgumentException implements Worded {
    private static final long serialVersionUID = 1L;
    private final transient Wording wording;

    public RefusedInputException(String key, Object... args) {
        super(Messages.inEnglish(key, args));
        this.wording = new Wording(key, args);
    }

    @Override
    public Wording wording() {
        return wording;
    }
}
