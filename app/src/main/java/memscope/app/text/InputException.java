package memscope.app.text;

/**
 * Text the user typed that does not say what it must: carries a message key and its arguments, so the UI can
 * word the problem in the current language. Subclasses (a hex parse error) may add where the problem is.
 */
public class InputException extends Exception implements Worded {
    private final transient Wording wording;

    public InputException(String key, Object... args) {
        super(key);
        this.wording = new Wording(key, args);
    }

    @Override
    public Wording wording() {
        return wording;
    }
}
