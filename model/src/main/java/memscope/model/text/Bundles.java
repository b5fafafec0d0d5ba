package memscope.model.text;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Function;

/** Where the model's words live and how a language picks its file. */
public final class Bundles {
    /** Texts shared by every package ({@code verbatim}, list joiners). */
    public static final String COMMON = "memscope.model.text.messages";

    /** Every bundle the model has; a test checks each has the same keys and placeholders in every language. */
    public static final List<String> ALL = List.of(COMMON, "memscope.model.messages",
            "memscope.model.scenario.messages", "memscope.model.lesson.messages", "memscope.model.script.messages",
            "memscope.model.file.messages", "memscope.model.io.messages", "memscope.model.elf.messages",
            "memscope.model.linux.messages", "memscope.model.history.messages");

    /** The languages the model speaks besides English (the base files). */
    public static final List<Locale> TRANSLATIONS = List.of(Locale.SIMPLIFIED_CHINESE);

    private static final ResourceBundle.Control CANDIDATES =
            ResourceBundle.Control.getControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Bundles() {
    }

    static ResourceBundle english(String bundle) {
        return forLocale(bundle, Locale.ROOT);
    }

    /** The words for {@code locale}, else English; never the JVM's default locale, which may be anything. */
    public static ResourceBundle forLocale(String bundle, Locale locale) {
        // the lambda's getBundle runs in this module, so it finds this module's bundles
        return withoutDefaultLocale(locale, l -> ResourceBundle.getBundle(bundle, l));
    }

    /**
     * {@code load}'s bundle for {@code locale}, or its base (English) file when {@code load} fell back to the JVM's
     * default locale. In a named module {@code getBundle} takes no {@code Control} (it throws
     * UnsupportedOperationException), so the no-fallback control cannot be used and the fallback is undone here.
     * {@code load} must call {@code ResourceBundle.getBundle} in the module that holds the bundle.
     */
    public static ResourceBundle withoutDefaultLocale(Locale locale, Function<Locale, ResourceBundle> load) {
        ResourceBundle found = load.apply(locale);
        List<Locale> asked = CANDIDATES.getCandidateLocales("", locale);
        return asked.contains(found.getLocale()) ? found : load.apply(Locale.ROOT);
    }
}
