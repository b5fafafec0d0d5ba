package memscope.app.cli;

import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.text.Format;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import memscope.model.text.Bundles;
import memscope.model.text.Localized;
import memscope.model.text.Text;

/**
 * The command line's words in one language, from the app's bundle ({@code memscope/app/messages*.properties}).
 * Not {@code memscope.app.Messages}: that one binds labels to JavaFX properties, and the command line runs
 * without JavaFX.
 */
final class CliWords {
    private final Locale locale;
    private final ResourceBundle bundle;

    CliWords(Locale locale) {
        this.locale = locale;
        // the base file is English: never fall back to the JVM's default locale instead
        this.bundle = Bundles.withoutDefaultLocale(locale,
                asked -> ResourceBundle.getBundle("memscope.app.messages", asked));
    }

    /** Chinese for a {@code zh} system locale, else English, as the window chooses. */
    static CliWords forLocale(Locale system) {
        return new CliWords("zh".equals(system.getLanguage()) ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH);
    }

    Locale locale() {
        return locale;
    }

    ResourceBundle bundle() {
        return bundle;
    }

    /** {@code key}'s pattern with {@code args} put in; a plain {n} writes a number as it is (8192, not 8,192). */
    String get(String key, Object... args) {
        MessageFormat format = new MessageFormat(bundle.getString(key), locale);
        Format[] styled = format.getFormatsByArgumentIndex();
        Object[] shown = args.clone();
        for (int i = 0; i < shown.length; i++) {
            if (shown[i] instanceof Number && (i >= styled.length || styled[i] == null)) {
                shown[i] = String.valueOf(shown[i]);
            }
        }
        return format.format(shown);
    }

    /** A message the model made, in this language. */
    String render(Text text) {
        return text.in(locale);
    }

    /** Why a file could not be used, in this language (the file system's own messages are only a path). */
    String reason(Throwable e) {
        if (e instanceof Localized l) {
            return render(l.text());
        }
        if (e instanceof NoSuchFileException) {
            return get("cli.reason.noSuchFile");
        }
        if (e instanceof AccessDeniedException) {
            return get("cli.reason.accessDenied");
        }
        if (e instanceof CharacterCodingException) {
            return get("cli.reason.notUtf8");
        }
        String message = e.getMessage();
        return get("cli.reason.other", message == null || message.isBlank() ? e.getClass().getSimpleName() : message);
    }
}
