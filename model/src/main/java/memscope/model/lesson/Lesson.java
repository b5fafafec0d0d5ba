package memscope.model.lesson;

import java.util.List;
import java.util.Locale;

/**
 * A teaching demo: a scenario to start from and ordered steps, each explained in English and Simplified Chinese.
 * The file format is documented in resources/lessons/LESSONS.md; {@link LessonLoader} reads it.
 *
 * @param id     the file name without {@code .json}, e.g. {@code 01-debug-gate}
 * @param source where it was loaded from, for messages
 */
public record Lesson(String id, String source, String title, String titleZh, String summary, String summaryZh,
                     ScenarioRef scenario, List<LessonStep> steps, String child) {
    /** The one program a lesson may start as its child: a lesson file never names a command to run. */
    public static final String SLEEP_CHILD = "sleep";

    /**
     * @param child {@link #SLEEP_CHILD} for a lesson that starts a live child process (handle {@code child},
     *              its code at {@code $code}), else null
     */
    public Lesson {
        steps = List.copyOf(steps);
        if (child != null && !child.equals(SLEEP_CHILD)) {
            throw new IllegalArgumentException("a lesson's child is \"sleep\" or none");
        }
    }

    /** A lesson on a simulated world only. */
    public Lesson(String id, String source, String title, String titleZh, String summary, String summaryZh,
                  ScenarioRef scenario, List<LessonStep> steps) {
        this(id, source, title, titleZh, summary, summaryZh, scenario, steps, null);
    }

    /** Whether the lesson starts a live Linux child process. */
    public boolean startsChild() {
        return child != null;
    }

    /** The title in the language asked for: Simplified Chinese for a {@code zh} locale, else English. */
    public String title(Locale locale) {
        return LessonStep.isChinese(locale) ? titleZh : title;
    }

    /** How many steps the 50-minute class path shows. */
    public int coreStepCount() {
        return (int) steps.stream().filter(LessonStep::isCore).count();
    }

    public String summary(Locale locale) {
        return LessonStep.isChinese(locale) ? summaryZh : summary;
    }

    /**
     * Which scenario the lesson starts from: a bundled scenario file ({@code resource}, e.g. {@code demo.json}) or
     * a scenario written inside the lesson ({@code inlineJson}). Exactly one is set.
     */
    public record ScenarioRef(String resource, String inlineJson) {
        public ScenarioRef {
            if ((resource == null) == (inlineJson == null)) {
                throw new IllegalArgumentException("a scenario is either a resource name or inline JSON");
            }
        }

        public static ScenarioRef resource(String name) {
            return new ScenarioRef(name, null);
        }

        public static ScenarioRef inline(String json) {
            return new ScenarioRef(null, json);
        }

        public boolean isInline() {
            return inlineJson != null;
        }
    }
}
