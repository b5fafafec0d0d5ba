package memscope.model.text;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

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

    private Bundles() {
    }

    static ResourceBundle english(String bundle) {
        return forLocale(bundle, Locale.ROOT);
    }

    /** The words for {@code locale}, else English; never the JVM's default locale, which may be anything. */
    public static ResourceBundle forLocale(String bundle, Locale locale) {
        return ResourceBundle.getBundle(bundle, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
