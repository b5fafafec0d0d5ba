package memscope.app.text;

/**
 * Text the user typed that does not say what it must: carries a message key and its arguments, so the UI can
 * word the problem in the current language. Subclasses (a hex parse error) may add where the problem is.
 */
public class InputException extends Exception implements Worded {
    private final String key;
    private final transient Object[] args;

    public InputException(String key, Object... args) {
        super(key);
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
