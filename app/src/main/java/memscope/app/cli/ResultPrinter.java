package memscope.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import memscope.model.Kernel;
import memscope.model.SyscallRecord;
import memscope.model.script.CommandResult;
import memscope.model.script.Hex;

/**
 * Prints one script line's result: the console's reply with the rule in words after it, or one JSON object per
 * line (call, arguments, status, actual, rule, rule words, the expectation).
 */
final class ResultPrinter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintStream out;
    private final OutputFormat format;
    private final CliWords words;
    private final Kernel kernel;

    ResultPrinter(PrintStream out, OutputFormat format, CliWords words, Kernel kernel) {
        this.out = out;
        this.format = format;
        this.words = words;
        this.kernel = kernel;
    }

    /** {@code record} is the kernel's record of the call the line made, or null (boot makes none). */
    void print(CommandResult r, SyscallRecord record) {
        String rule = RuleWords.of(record, kernel, words);
        if (format == OutputFormat.text) {
            String line = words.render(r.summaryText());
            out.println(rule.isEmpty() ? line : words.get("cli.run.withRule", line, rule));
            return;
        }
        ObjectNode o = JSON.createObjectNode();
        o.put("line", r.line());
        o.put("command", r.command().text());
        o.put("call", r.call());
        if (record != null) {
            o.put("arguments", record.arguments());
        } else {
            o.putNull("arguments");
        }
        o.put("status", r.statusName());
        o.put("ok", r.ok());
        o.put("requested", r.requested());
        o.put("actual", r.actual());
        if (r.data().length > 0) {
            o.put("data", Hex.bytes(r.data(), Integer.MAX_VALUE));
        }
        if (record != null && record.rule() != null) {
            o.put("rule", record.rule().name());
        } else {
            o.putNull("rule");
        }
        o.put("rule_words", rule);
        if (r.command().expected().isPresent()) {
            o.put("expected", r.command().expected().get());
        } else {
            o.putNull("expected");
        }
        o.put("expectation_met", r.expectationMet());
        o.put("summary", words.render(r.summaryText()));
        out.println(o.toString());
    }
}
