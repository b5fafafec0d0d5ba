package memscope.app.modular;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import memscope.app.Messages;
import memscope.model.lesson.LessonLoader;
import memscope.model.scenario.ScenarioLoader;
import memscope.model.text.Bundles;

/**
 * Run by {@link ModuleLaunchTest} on the class path beside the real modules ({@code --add-modules memscope.app}):
 * loads every bundle in both languages, every bundled scenario and lesson, as the modules must find them. The JVM's
 * default locale is Chinese, so a bundle that falls back to it instead of English shows. Prints each problem and
 * exits 1 if there is one.
 */
public final class ModuleProbe {
    private final List<String> problems = new ArrayList<>();
    private int checks;

    private ModuleProbe() {
    }

    public static void main(String[] args) {
        Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
        ModuleProbe probe = new ModuleProbe();
        probe.run();
        probe.problems.forEach(System.out::println);
        System.out.println(probe.checks + " checks, " + probe.problems.size() + " problems");
        System.exit(probe.problems.isEmpty() ? 0 : 1);
    }

    private void run() {
        check("memscope.model".equals(ScenarioLoader.class.getModule().getName()), "model is not a named module: "
                + ScenarioLoader.class.getModule());
        check("memscope.app".equals(Messages.class.getModule().getName()), "app is not a named module: "
                + Messages.class.getModule());
        check("javafx.base".equals(javafx.beans.property.Property.class.getModule().getName()),
                "JavaFX is not on the module path: " + javafx.beans.property.Property.class.getModule());
        for (String bundle : Bundles.ALL) {
            ResourceBundle english = Bundles.forLocale(bundle, Locale.ENGLISH);
            check(Locale.ROOT.equals(english.getLocale()), bundle + " in English is " + english.getLocale());
            for (Locale l : Bundles.TRANSLATIONS) {
                ResourceBundle words = Bundles.forLocale(bundle, l);
                check(l.equals(words.getLocale()), bundle + " in " + l + " is " + words.getLocale());
                check(words.keySet().containsAll(english.keySet()), bundle + " in " + l + " lacks keys");
            }
        }
        String key = "help.menu.about";
        String english = new Messages(Locale.ENGLISH).get(key);
        check(english.equals(Messages.inEnglish(key)), "the app's English is " + english);
        check(!english.equals(new Messages(Locale.SIMPLIFIED_CHINESE).get(key)), "the app has no Chinese");
        for (String name : ScenarioLoader.bundled()) {
            attempt("scenario " + name, () -> ScenarioLoader.loadResource(name));
        }
        attempt("lesson index", () -> {
            for (String name : LessonLoader.bundled()) {
                attempt("lesson " + name, () -> LessonLoader.loadResource(name));
            }
            check(!LessonLoader.bundled().isEmpty(), "no bundled lesson");
        });
    }

    private interface Load {
        void run() throws Exception;
    }

    private void attempt(String what, Load load) {
        try {
            load.run();
            checks++;
        } catch (Exception | Error e) {
            problems.add(what + ": " + e);
        }
    }

    private void check(boolean ok, String problem) {
        checks++;
        if (!ok) {
            problems.add(problem);
        }
    }
}
