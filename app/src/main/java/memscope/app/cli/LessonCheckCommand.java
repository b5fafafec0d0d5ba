package memscope.app.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import memscope.model.lesson.Lesson;
import memscope.model.lesson.LessonException;
import memscope.model.lesson.LessonLoader;
import memscope.model.lesson.LessonRunner;
import memscope.model.lesson.ScenarioWorlds;
import memscope.model.lesson.StepOutcome;
import memscope.model.text.Text;
import picocli.CommandLine;
import picocli.CommandLine.Parameters;

/**
 * {@code memscope lesson check FILE.json}: a lesson's format, that every action parses, and that every step's
 * expectations hold when the lesson runs to the end on its scenario. Each problem is printed with its place
 * ({@code steps[2]}); any problem makes the exit code 1.
 */
@CommandLine.Command(name = "check", mixinStandardHelpOptions = true)
final class LessonCheckCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE.json", descriptionKey = "cli.option.lesson")
    Path file;

    private final CliContext context;

    LessonCheckCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws CliException {
        CliWords words = context.words();
        Inputs.requireReadable(file, words);
        List<StepOutcome> outcomes;
        Lesson lesson;
        try {
            lesson = LessonLoader.load(file);
            outcomes = new LessonRunner(lesson, ScenarioWorlds.bundled()).runToEnd();
        } catch (LessonException e) {
            context.err().println(words.render(e.text()));
            return ExitCodes.UNMET;
        }
        int problems = 0;
        for (StepOutcome o : outcomes) {
            for (Text problem : o.problemTexts()) {
                context.err().println(words.get("cli.lesson.problem", file, o.index(), words.render(problem)));
                problems++;
            }
        }
        if (problems > 0) {
            return ExitCodes.UNMET;
        }
        context.out().println(words.get("cli.lesson.ok", file, outcomes.size()));
        return ExitCodes.OK;
    }
}
