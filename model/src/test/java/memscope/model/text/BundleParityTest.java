package memscope.model.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every model bundle says the same things in every language, with the same blanks to fill. */
class BundleParityTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");
    // an apostrophe that is not doubled starts a MessageFormat quote and would swallow the text after it
    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

    static Iterable<String> bundles() {
        return Bundles.ALL;
    }

    static Properties load(String bundle, Locale locale) throws IOException {
        String suffix = locale == Locale.ROOT ? "" : "_" + locale;
        String path = "/" + bundle.replace('.', '/') + suffix + ".properties";
        Properties p = new Properties();
        try (InputStream in = BundleParityTest.class.getResourceAsStream(path)) {
            if (in == null) {
                fail("missing " + path);
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @ParameterizedTest
    @MethodSource("bundles")
    void everyTranslationHasTheSameKeysAndPlaceholders(String bundle) throws IOException {
        Properties english = load(bundle, Locale.ROOT);
        for (Locale locale : Bundles.TRANSLATIONS) {
            Properties translated = load(bundle, locale);
            assertEquals(new TreeSet<>(english.stringPropertyNames()), new TreeSet<>(translated.stringPropertyNames()),
                    bundle + " " + locale);
            for (String key : english.stringPropertyNames()) {
                assertEquals(placeholders(english.getProperty(key)), placeholders(translated.getProperty(key)),
                        bundle + " " + locale + " " + key);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("bundles")
    void everyPatternFormatsWithEveryBlankFilled(String bundle) throws IOException {
        for (Locale locale : allLocales()) {
            Properties p = load(bundle, locale);
            for (String key : p.stringPropertyNames()) {
                String pattern = p.getProperty(key);
                assertFalse(LONE_APOSTROPHE.matcher(pattern).find(),
                        bundle + " " + locale + " " + key + ": write an apostrophe as ''");
                Set<Integer> blanks = placeholders(pattern);
                Object[] args = new Object[blanks.stream().mapToInt(i -> i + 1).max().orElse(0)];
                MessageFormat format = new MessageFormat(pattern, locale);
                java.text.Format[] styled = format.getFormatsByArgumentIndex();
                for (int i = 0; i < args.length; i++) {
                    // {n,number,...} and {n,choice,...} take numbers (Text passes numbers to them as numbers)
                    args[i] = i < styled.length && styled[i] != null ? (Object) (8192 + i) : "«" + i + "»";
                }
                String out = format.format(args);
                for (int i : blanks) {
                    boolean number = args[i] instanceof Integer;
                    boolean choiceOnly = number && styled[i] instanceof java.text.ChoiceFormat
                            && !pattern.contains("{" + i + ",number");
                    assertTrue(choiceOnly || out.contains(number ? String.valueOf(8192 + i) : "«" + i + "»"),
                            bundle + " " + locale + " " + key + " loses {" + i + "}: " + out);
                }
            }
        }
    }

    private static Locale[] allLocales() {
        Locale[] all = new Locale[Bundles.TRANSLATIONS.size() + 1];
        all[0] = Locale.ROOT;
        for (int i = 0; i < Bundles.TRANSLATIONS.size(); i++) {
            all[i + 1] = Bundles.TRANSLATIONS.get(i);
        }
        return all;
    }

    private static Set<Integer> placeholders(String pattern) {
        Set<Integer> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(pattern);
        while (m.find()) {
            found.add(Integer.parseInt(m.group(1)));
        }
        return found;
    }
}
