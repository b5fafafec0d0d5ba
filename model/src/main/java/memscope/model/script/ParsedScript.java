package memscope.model.script;

import java.util.List;

/**
 * A whole script after parsing: the commands in order, and every line's error. When {@code errors} is not empty
 * nothing may run ({@link ConsoleSession#run} refuses).
 */
public record ParsedScript(List<Command> commands, List<ScriptError> errors, List<TokenSpan> spans) {
    public ParsedScript {
        commands = List.copyOf(commands);
        errors = List.copyOf(errors);
        spans = List.copyOf(spans);
    }

    public boolean ok() {
        return errors.isEmpty();
    }
}
