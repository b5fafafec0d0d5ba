package memscope.model.lesson;

/** Builds a fresh {@link LessonWorld} for a lesson's scenario; {@link ScenarioWorlds} is the real one. */
@FunctionalInterface
public interface WorldFactory {
    LessonWorld create(Lesson lesson) throws LessonException;
}
