package memscope.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;

/** {@code memscope lesson}: groups the lesson subcommands (today {@code check}). */
@CommandLine.Command(name = "lesson", mixinStandardHelpOptions = true)
final class LessonCommand implements Callable<Integer> {
    private final CliContext context;

    LessonCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws CliException {
        throw new CliException(ExitCodes.NOT_UNDERSTOOD, context.words().get("cli.usage.subcommand", "lesson",
                "check"));
    }
}
