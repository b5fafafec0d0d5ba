package memscope.model.fuzz;

import java.nio.file.Path;

import com.code_intelligence.jazzer.junit.FuzzTest;

import memscope.model.lesson.Lesson;
import memscope.model.lesson.LessonException;
import memscope.model.lesson.LessonLoader;
import memscope.model.lesson.LessonRunner;
import memscope.model.lesson.ScenarioWorlds;
import memscope.model.lesson.StepOutcome;

/**
 * Any bytes given as a lesson file either load or are refused with a {@link LessonException} whose message is
 * short. A lesson with duplicate keys or a number of 2^64 or more is refused, not read by a guess. A lesson that
 * brings its own (inline) world is also run to its end: every step gives an outcome and the world stays sound.
 * Seeds: {@code LessonFuzzTestInputs/loadLesson/}.
 */
class LessonFuzzTest {
    private static final Path FILE = ScratchFiles.create(".json");
    /** Running more steps than this finds nothing new and only slows the fuzzer down. */
    private static final int MAX_STEPS_RUN = 64;

    @FuzzTest(maxDuration = "10m")
    void loadLesson(byte[] input) {
        String mustRefuse = JsonOracle.reasonToRefuse(input, "scenario");
        Lesson lesson;
        try {
            lesson = LessonLoader.load(ScratchFiles.write(FILE, input));
        } catch (LessonException e) {
            Refusals.wellWorded(e);
            return;
        }
        if (mustRefuse != null) {
            throw new AssertionError("a lesson with " + mustRefuse + " was accepted");
        }
        if (lesson.scenario().isInline() && lesson.steps().size() <= MAX_STEPS_RUN) {
            run(lesson);
        }
    }

    private static void run(Lesson lesson) {
        LessonRunner runner;
        try {
            runner = new LessonRunner(lesson, ScenarioWorlds.bundled());
        } catch (LessonException e) {
            Refusals.wellWorded(e);
            return;
        }
        for (StepOutcome outcome : runner.runToEnd()) {
            if (outcome == null) {
                throw new AssertionError("a step gave no outcome");
            }
        }
        WorldChecks.sound(runner.world().kernel());
    }
}
