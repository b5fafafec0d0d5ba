package memscope.model.lesson;

import memscope.model.scenario.LoadedScenario;
import memscope.model.scenario.ScenarioException;
import memscope.model.scenario.ScenarioLoader;
import memscope.model.text.Text;

/** Builds a lesson's world with the scenario loader: a bundled scenario file, or the scenario inside the lesson. */
public final class ScenarioWorlds implements WorldFactory {
    private static final ScenarioWorlds BUNDLED = new ScenarioWorlds();

    private ScenarioWorlds() {
    }

    public static WorldFactory bundled() {
        return BUNDLED;
    }

    @Override
    public LoadedScenario create(Lesson lesson) throws LessonException {
        Lesson.ScenarioRef ref = lesson.scenario();
        try {
            return ref.isInline() ? ScenarioLoader.parse(ref.inlineJson(),
                    LessonWords.of("source.inline", lesson.source()))
                    : ScenarioLoader.loadResource(ref.resource());
        } catch (ScenarioException e) {
            throw new LessonException(lesson.source(), Text.verbatim("scenario"), e.text(), e);
        }
    }
}
