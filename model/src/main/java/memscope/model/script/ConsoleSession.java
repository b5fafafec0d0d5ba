package memscope.model.script;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import memscope.model.Kernel;
import memscope.model.scenario.LoadedScenario;

/**
 * A console attached to one kernel: the handle names in scope (the scenario's, plus those commands bind) and the
 * results of everything run so far. A script runs only if every line parses; then its commands run in order.
 * The kernel's own {@code SyscallRecord}s carry the calls to the log, so the session does not log. Methods are
 * synchronized: the UI may run a script off the FX thread while reading names on it.
 */
public final class ConsoleSession {
    private final Kernel kernel;
    private final Map<String, Integer> names;
    private final CommandExecutor executor;
    private final List<CommandResult> results = new ArrayList<>();
    private final LiveTargets live = new LiveTargets();

    /** {@code names}: handle name to handle value, e.g. a scenario's {@code handles()} map. It is copied. */
    public ConsoleSession(Kernel kernel, Map<String, Integer> names) {
        this.kernel = Objects.requireNonNull(kernel, "kernel");
        this.names = new LinkedHashMap<>(names);
        this.executor = new CommandExecutor(kernel, this.names, live);
    }

    /** A console on a loaded scenario's kernel, knowing its handle names ({@code p1}, {@code p1.root}, ...). */
    public static ConsoleSession forScenario(LoadedScenario scenario) {
        return new ConsoleSession(scenario.kernel(), scenario.handles());
    }

    public Kernel kernel() {
        return kernel;
    }

    /** The names in scope now, in the order they were bound; a snapshot. */
    public synchronized Map<String, Integer> names() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(names));
    }

    /**
     * Lets this console write into {@code process}, a live Linux process already in this kernel, by Linux's
     * calls ({@code process_vm_writev}, {@code proc_mem_write}), compare it with its file on disk
     * ({@code disk_check}), and name where its code starts ({@code $code}). Only whoever attached the process
     * (a lesson that started it) calls this: a console never reaches a live process on its own.
     */
    public synchronized void attach(memscope.model.linux.LinuxProcess process) {
        if (process.kernel() != kernel) {
            throw new IllegalArgumentException("attach: the process lives in another kernel");
        }
        live.attach(process);
    }

    /** The symbolic addresses a script may use now ({@code $code}) and their values. */
    public synchronized Map<String, Long> symbols() {
        return live.symbols();
    }

    /** Parses {@code text} against the names and symbolic addresses in scope, without running anything. */
    public synchronized ParsedScript parse(String text) {
        List<String> known = new ArrayList<>(names.keySet());
        known.addAll(live.symbols().keySet());
        return ScriptParser.parse(text, known);
    }

    /** Highlight spans for {@code text} as the editor shows it; see {@link ConsoleHighlighter}. */
    public synchronized List<TokenSpan> highlight(String text) {
        return ConsoleHighlighter.spans(text, names.keySet());
    }

    /** Parses the whole script; if any line has an error nothing runs, else every command runs in order. */
    public synchronized RunResult run(String text) {
        ParsedScript parsed = parse(text);
        if (!parsed.ok()) {
            return new RunResult(parsed, List.of());
        }
        List<CommandResult> out = new ArrayList<>();
        for (Command c : parsed.commands()) {
            out.add(execute(c));
        }
        return new RunResult(parsed, out);
    }

    /** Runs one parsed command (parsed by this session, so its names exist). */
    public synchronized CommandResult execute(Command command) {
        CommandResult r = executor.execute(command.resolved(live.symbols()));
        results.add(r);
        return r;
    }

    /** Every result so far, oldest first: the console transcript. */
    public synchronized List<CommandResult> results() {
        return List.copyOf(results);
    }
}
