package memscope.model.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The bundled lessons teach by prediction: every step that asks the kernel something worth guessing asks first and
 * tells after, and the 50-minute class path is about 35 steps long and starts from the Zircon-versus-Mach hook.
 */
class PredictThenRunTest {
    /**
     * Commands that set the stage (their answer is no lesson): no question needed. {@code disk_check} only shows
     * a file's bytes beside a live process's; no kernel answers it.
     */
    private static final Set<String> SETUP = Set.of("boot", "task", "dup", "close", "kill", "unmap", "map",
            "resize", "replace", "disk_check");

    private static boolean setUp(LessonStep s) {
        String verb = s.action().trim().split("\\s+")[0];
        return SETUP.contains(verb) && (s.expectStatus().equals("ZX_OK") || s.expectStatus().equals("KERN_SUCCESS")
                || s.expectStatus().equals("OK"));
    }

    @Test
    void everyQuestionHidesItsAnswerUntilTheStepHasRun() throws LessonException {
        List<String> problems = new ArrayList<>();
        int asked = 0;
        for (String name : LessonLoader.bundled()) {
            for (LessonStep s : LessonLoader.loadResource(name).steps()) {
                String at = name + " step " + (s.index() + 1);
                if (!s.hasAction() || setUp(s)) {
                    continue;
                }
                asked++;
                if (!s.hasReveal()) {
                    problems.add(at + ": no reveal");
                }
                if (s.choices().isEmpty()) {
                    problems.add(at + ": no choices to predict from");
                }
                for (Locale l : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
                    if (s.text(l).contains(s.expectStatus())) {
                        problems.add(at + ": the question names its answer " + s.expectStatus() + " (" + l + ")");
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(asked >= 60, "questions asked: " + asked);
    }

    @Test
    void theClassPathIsAboutThirtyFiveCoreStepsFromTheHook() throws LessonException {
        List<String> path = LessonLoader.classPath();
        assertEquals("07-zircon-versus-mach.json", path.get(0), "it starts from the Zircon-versus-Mach hook");
        assertTrue(LessonLoader.bundled().containsAll(path), path::toString);
        int core = 0;
        for (String name : path) {
            Lesson lesson = LessonLoader.loadResource(name);
            assertTrue(lesson.coreStepCount() > 0, name);
            core += lesson.coreStepCount();
        }
        assertTrue(core >= 30 && core <= 42, "core steps on the class path: " + core);
        // the hook is the same write under both kernels: the first core action steps of the first lesson
        List<String> hook = LessonLoader.loadResource(path.get(0)).steps().stream()
                .filter(s -> s.isCore() && s.hasAction()).map(LessonStep::expectStatus).toList();
        assertEquals(List.of("ZX_OK", "KERN_SUCCESS", "KERN_PROTECTION_FAILURE"), hook);
    }
}
