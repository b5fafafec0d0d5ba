package memscope.model.text;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * A message the model makes for a person (a scenario error, a console reply), kept as a bundle key plus
 * arguments so the app can word it in the language the user chose, even after a switch. The English wording is
 * the bundle's base file; {@link #toString()} gives it, so logs, exceptions and tests read as before.
 *
 * <p>Arguments that are themselves {@code Text} are worded in the same language; numbers are written plainly
 * ({@code 8192}, never {@code 8,192}); everything else by {@link String#valueOf}. Patterns are always run
 * through {@link MessageFormat}, so a literal apostrophe is written {@code ''} in every bundle.
 */
public final class Text {
    private final String bundle;
    private final String key;
    private final Object[] args;

    private Text(String bundle, String key, Object[] args) {
        this.bundle = bundle;
        this.key = key;
        this.args = args;
    }

    /**
     * A text from {@code bundle} (a base name like {@code memscope.model.scenario.messages}). The key is looked up
     * at once, so a mistyped key fails where it is made rather than when somebody reads the message.
     */
    public static Text of(String bundle, String key, Object... args) {
        Objects.requireNonNull(key, "key");
        try {
            Bundles.english(bundle).getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("no text \"" + key + "\" in " + bundle, e);
        }
        return new Text(bundle, key, args.clone());
    }

    /** Text that is the same in every language: a name, a path, a number. */
    public static Text verbatim(String words) {
        return of(Bundles.COMMON, "verbatim", String.valueOf(words));
    }

    public String bundle() {
        return bundle;
    }

    public String key() {
        return key;
    }

    /** The arguments as given (a copy). */
    public Object[] args() {
        return args.clone();
    }

    /** This message in {@code locale}'s language, English when the model has no words for that language. */
    public String in(Locale locale) {
        ResourceBundle words = Bundles.forLocale(bundle, locale);
        MessageFormat format = new MessageFormat(words.getString(key), locale);
        java.text.Format[] styled = format.getFormatsByArgumentIndex();
        Object[] shown = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            // a number the pattern formats itself ({1,number,#}, {1,choice,...}) stays a number; a plain one is text
            boolean numberStyle = i < styled.length && styled[i] != null && args[i] instanceof Number;
            shown[i] = numberStyle ? args[i] : word(args[i], locale);
        }
        return format.format(shown);
    }

    /** The English wording. */
    public String english() {
        return in(Locale.ROOT);
    }

    private static String word(Object arg, Locale locale) {
        if (arg instanceof Text t) {
            return t.in(locale);
        }
        return String.valueOf(arg);
    }

    @Override
    public String toString() {
        return english();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Text t && t.bundle.equals(bundle) && t.key.equals(key) && Arrays.equals(t.args, args);
    }

    @Override
    public int hashCode() {
        return Objects.hash(bundle, key, Arrays.hashCode(args));
    }
}
