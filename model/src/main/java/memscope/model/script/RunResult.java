package memscope.model.script;

import java.util.List;

/**
 * The outcome of running a script: its parse, and one result per command. When the parse has errors,
 * {@code results} is empty: nothing ran.
 */
public record RunResult(ParsedScript parsed, List<CommandResult> results) {
    public RunResult {
        results = List.copyOf(results);
    }

    /** True when the script parsed and therefore ran (each command's own status is in its result). */
    public boolean ran() {
        return parsed.ok();
    }

    public List<ScriptError> errors() {
        return parsed.errors();
    }
}
