package memscope.app;

import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.text.Format;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import memscope.app.text.Worded;
import memscope.model.text.Bundles;
import memscope.model.text.Localized;
import memscope.model.text.Text;

/**
 * Every user-visible string, from {@code memscope/app/messages*.properties}. Labels bind to {@link #text} so a
 * language switch relabels the whole window at once; one-off texts (status, dialogs) use {@link #get}.
 */
public final class Messages {
    /** The languages the View menu offers. */
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);

    private final ObjectProperty<Locale> locale = new SimpleObjectProperty<>();
    private ResourceBundle bundle;
    private Locale bundleLocale;

    public Messages(Locale initial) {
        locale.set(initial);
    }

    /**
     * {@code key}'s English words, for the message of an exception (logs and tests read it); made afresh each
     * time because exceptions are also made on worker threads.
     */
    public static String inEnglish(String key, Object... args) {
        return new Messages(Locale.ENGLISH).get(key, args);
    }

    /** The system locale's language when we have it, else English. */
    public static Messages forSystemLocale() {
        Locale system = Locale.getDefault();
        return new Messages(system.getLanguage().equals("zh") ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH);
    }

    public ObjectProperty<Locale> localeProperty() {
        return locale;
    }

    public Locale getLocale() {
        return locale.get();
    }

    public void setLocale(Locale l) {
        locale.set(l);
    }

    /** The text for {@code key} in the current language, with {@code args} put in ({@link MessageFormat}). */
    public String get(String key, Object... args) {
        // always formatted, arguments or not, so an apostrophe is written '' in every pattern alike
        MessageFormat format = new MessageFormat(bundle().getString(key), getLocale());
        Format[] subformats = format.getFormatsByArgumentIndex();
        Object[] shown = args.clone();
        for (int i = 0; i < shown.length; i++) {
            // a plain {n} writes a number as it is (8192, not 8,192); {n,number,...} and {n,choice,...} decide
            if (shown[i] instanceof Number && (i >= subformats.length || subformats[i] == null)) {
                shown[i] = String.valueOf(shown[i]);
            }
        }
        return format.format(shown);
    }

    /** A message the model made, in the current language. */
    public String render(Text text) {
        return text.in(getLocale());
    }

    /**
     * What went wrong, in the current language: the model's own words for its exceptions, the app's for input
     * errors, and otherwise the exception's message (a file system's words about a path, say).
     */
    public String describe(Throwable e) {
        if (e instanceof Localized l) {
            return render(l.text());
        }
        if (e instanceof Worded w) {
            return get(w.wording().key(), w.wording().args());
        }
        // the file system's messages are only a path: say what happened to it (callers name the file)
        if (e instanceof NoSuchFileException) {
            return get("files.reason.noSuchFile");
        }
        if (e instanceof AccessDeniedException) {
            return get("files.reason.accessDenied");
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    /** The text for {@code key}, following language switches. */
    public StringBinding text(String key, Object... args) {
        return Bindings.createStringBinding(() -> get(key, args), locale);
    }

    /**
     * Loaded on demand: bindings are invalidated before change listeners run, so a listener that swapped the
     * bundle could come too late for a label re-reading its text at once.
     */
    private ResourceBundle bundle() {
        Locale now = getLocale();
        if (bundle == null || !now.equals(bundleLocale)) {
            bundle = load(now);
            bundleLocale = now;
        }
        return bundle;
    }

    private static ResourceBundle load(Locale l) {
        // the base file is English: never fall back to the JVM's default locale instead
        return Bundles.withoutDefaultLocale(l, asked -> ResourceBundle.getBundle("memscope.app.messages", asked));
    }
}
