package memscope.model.lesson;

import memscope.model.scenario.LoadedScenario;

/**
 * Builds a fresh world (a scenario in its own newly booted kernel) for a lesson. {@link ScenarioWorlds#bundled()}
 * is the real one; tests may build worlds through syscalls.
 */
@FunctionalInterface
public interface WorldFactory {
    LoadedScenario create(Lesson lesson) throws LessonException;
}
