package memscope.app.cli;

import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A command line picocli cannot match: said in the user's language where we know the kind of mistake (an
 * unknown option, a missing argument), with picocli's own words otherwise, and a pointer to {@code --help}.
 */
final class UsageErrors implements IParameterExceptionHandler {
    private final CliContext context;

    UsageErrors(CliContext context) {
        this.context = context;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CliWords words = context.words();
        String message;
        if (ex instanceof UnmatchedArgumentException u) {
            message = words.get("cli.usage.unknown", String.join(" ", u.getUnmatched()));
        } else if (ex instanceof MissingParameterException m) {
            message = words.get("cli.usage.missing", m.getMissing().stream().map(UsageErrors::label)
                    .collect(Collectors.joining(", ")));
        } else {
            message = words.get("cli.usage.other", ex.getMessage());
        }
        CommandLine cmd = ex.getCommandLine();
        context.err().println(message);
        context.err().println(words.get("cli.usage.seeHelp", cmd.getCommandSpec().qualifiedName(" ")));
        return ExitCodes.NOT_UNDERSTOOD;
    }

    private static String label(ArgSpec a) {
        return a.isOption() ? ((CommandLine.Model.OptionSpec) a).longestName() : a.paramLabel();
    }
}
