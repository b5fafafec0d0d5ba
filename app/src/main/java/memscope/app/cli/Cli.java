package memscope.app.cli;

import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code memscope} without a window: {@code run}, {@code lesson check}, {@code maps}, {@code --help},
 * {@code --version} and a hidden {@code generate-completion} (bash). {@code memscope.app.Main} sends an argument
 * list here when {@link #wants} says it is one of these; anything else opens the window as before. Nothing here
 * touches JavaFX, so it runs with no display.
 */
public final class Cli {
    /** The first words that mean the command line rather than the window. */
    private static final Set<String> FIRST_WORDS = Set.of("run", "lesson", "maps", "generate-completion", "help",
            "--help", "-h", "--version", "-V");

    private Cli() {
    }

    /** True when {@code args} ask for the command line; the window's options and a bare file name do not. */
    public static boolean wants(String[] args) {
        return args.length > 0 && FIRST_WORDS.contains(args[0]);
    }

    /** Runs the command on the real standard streams (UTF-8) in the system's language; the exit code. */
    public static int run(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        return run(args, out, err, Locale.getDefault());
    }

    static int run(String[] args, PrintStream out, PrintStream err, Locale locale) {
        CliContext context = new CliContext(out, err, CliWords.forLocale(locale));
        return commandLine(context).execute(args);
    }

    /** The whole command tree, its help worded from the app bundle in the context's language. */
    static CommandLine commandLine(CliContext context) {
        CommandLine cli = new CommandLine(new MemScopeCommand());
        cli.addSubcommand(new RunCommand(context));
        cli.addSubcommand("lesson", new CommandLine(new LessonCommand(context))
                .addSubcommand(new LessonCheckCommand(context)));
        cli.addSubcommand(new MapsCommand(context));
        CommandLine completion = new CommandLine(new AutoComplete.GenerateCompletion());
        completion.getCommandSpec().usageMessage().hidden(true);
        cli.addSubcommand("generate-completion", completion);
        cli.setResourceBundle(context.words().bundle());
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setOut(new java.io.PrintWriter(context.out(), true));
        cli.setErr(new java.io.PrintWriter(context.err(), true));
        cli.setParameterExceptionHandler(new UsageErrors(context));
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof CliException c) {
                context.err().println(c.getMessage());
                return c.exitCode();
            }
            throw e;
        });
        return cli;
    }

    /** The top of the tree: with no subcommand Main opens the window, so this only answers help and version. */
    @CommandLine.Command(name = "memscope", mixinStandardHelpOptions = true, versionProvider = Version.class,
            subcommands = CommandLine.HelpCommand.class)
    static final class MemScopeCommand implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(spec.commandLine().getOut());
        }
    }

    /** The project's version, which the build writes into {@code version.properties}. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() throws java.io.IOException {
            java.util.Properties p = new java.util.Properties();
            try (java.io.InputStream in = Cli.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[] {"MemScope " + p.getProperty("version", "?")};
        }
    }
}
