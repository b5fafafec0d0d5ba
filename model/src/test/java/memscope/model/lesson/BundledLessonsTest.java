package memscope.model.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every shipped lesson runs to its end on the real scenario loader and kernel with every check passing. */
class BundledLessonsTest {

    @TestFactory
    Stream<DynamicTest> everyBundledLessonPassesEveryStep() throws LessonException {
        return LessonLoader.bundled().stream().map(name -> DynamicTest.dynamicTest(name, () -> {
            Lesson lesson = LessonLoader.loadResource(name);
            try (LessonRunner runner = new LessonRunner(lesson, ScenarioWorlds.bundled())) { // kills a child
                List<StepOutcome> outcomes = runner.runToEnd();
                List<String> failures = new ArrayList<>();
                for (StepOutcome o : outcomes) {
                    if (!o.passed()) {
                        failures.add("step " + (o.index() + 1) + " (" + o.step().action() + "): " + o.problems());
                    }
                }
                assertEquals(List.of(), failures, name);
                assertEquals(lesson.steps().size(), outcomes.size());
                assertTrue(runner.finished());
            }
        }));
    }

    @Test
    void atLeastSixLessonsShip() throws LessonException {
        assertTrue(LessonLoader.bundled().size() >= 6, LessonLoader.bundled().toString());
    }

    @Test
    void theIndexListsEveryLessonFileExactlyOnce() throws IOException, URISyntaxException, LessonException {
        URL dir = getClass().getClassLoader().getResource(LessonLoader.RESOURCE_DIRECTORY);
        Set<String> files;
        try (Stream<Path> list = Files.list(Path.of(dir.toURI()))) {
            files = list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
                    .filter(n -> !n.equals("index.json")).collect(Collectors.toCollection(TreeSet::new));
        }
        List<String> listed = LessonLoader.bundled();
        assertEquals(files, new TreeSet<>(listed));
        assertEquals(listed.size(), new TreeSet<>(listed).size(), "a lesson is listed twice");
        assertFalse(files.isEmpty());
    }
}
