package memscope.app.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import memscope.model.KernelListener;
import memscope.model.Subscription;
import memscope.model.SyscallRecord;
import memscope.model.script.Command;
import memscope.model.script.CommandResult;
import memscope.model.script.ConsoleSession;
import memscope.model.script.ParsedScript;
import memscope.model.script.ScriptError;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code memscope run SCRIPT.msc}: runs a console script on a fresh kernel, printing each line's result as the
 * console does. A script with any parse error runs nothing (exit 2); a line whose answer differs from its
 * {@code expect STATUS} makes the exit code 1 once every line has run.
 */
@CommandLine.Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false)
final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "SCRIPT.msc", descriptionKey = "cli.option.script")
    Path script;

    @Mixin
    WorldOptions world = new WorldOptions();

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            descriptionKey = "cli.option.format")
    OutputFormat format;

    private final CliContext context;

    RunCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws CliException {
        CliWords words = context.words();
        String text = Inputs.script(script, words);
        try (World w = world.open(null, words)) {
            ConsoleSession session = new ConsoleSession(w.kernel(), w.names());
            ParsedScript parsed = session.parse(text);
            if (!parsed.ok()) {
                for (ScriptError e : parsed.errors()) {
                    context.err().println(words.get("cli.file.problem", script, words.render(e.located())));
                }
                return ExitCodes.NOT_UNDERSTOOD;
            }
            ResultPrinter printer = new ResultPrinter(context.out(), format, words, w.kernel());
            AtomicReference<SyscallRecord> last = new AtomicReference<>();
            int unmet = 0;
            try (Subscription ignored = w.kernel().subscribe(new KernelListener() {
                @Override
                public void syscallCompleted(SyscallRecord record) {
                    last.set(record);
                }
            })) {
                for (Command c : parsed.commands()) {
                    last.set(null);
                    CommandResult r = session.execute(c);
                    printer.print(r, last.get());
                    unmet += r.expectationMet() ? 0 : 1;
                }
            }
            if (unmet > 0) {
                context.err().println(words.get("cli.run.unmet", script, unmet));
                return ExitCodes.UNMET;
            }
            return ExitCodes.OK;
        }
    }
}
