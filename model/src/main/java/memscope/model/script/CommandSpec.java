package memscope.model.script;

import java.util.List;
import java.util.Optional;
import memscope.model.text.Text;

/**
 * The syntax of one console command: its word, its positional parameters in order, the options it accepts, the
 * kernel call it makes and a one-line summary, as {@link Text} so help can show it in the person's language.
 * {@link CommandCatalog} holds them all.
 */
public record CommandSpec(String name, String call, List<Param> params, List<Option> options, Text summaryText) {

    /** What a positional parameter holds. */
    public enum ParamKind {
        /** A name already bound to a handle or port (from the scenario, or an earlier {@code as NAME}). */
        HANDLE,
        /** A fresh name this command binds. */
        NEW_NAME,
        NUMBER,
        /** One or more hex byte pairs and quoted strings; always the last parameter. */
        BYTES,
        /** {@code r-x} style permissions. */
        PERMS,
        POLICY,
        FLAVOR
    }

    /** What an option holds: {@code key=NUMBER}, {@code key=A|B} rights, {@code key=on|off}, {@code as NAME}, a bare flag. */
    public enum OptionKind { NUMBER, RIGHTS, ON_OFF, BIND_AS, FLAG, FIDELITY }

    /** A positional parameter; {@code label} is what usage text shows, e.g. {@code ADDRESS}. */
    public record Param(String key, String label, ParamKind kind) {
    }

    public record Option(String key, OptionKind kind, String label) {
        /** How the option is written in usage text: {@code size=N}, {@code as NAME}, {@code max}. */
        public String usage() {
            switch (kind) {
                case BIND_AS: return "as " + label;
                case FLAG: return key;
                default: return key + "=" + label;
            }
        }
    }

    public CommandSpec {
        params = List.copyOf(params);
        options = List.copyOf(options);
    }

    /** What the command does, in English. */
    public String summary() {
        return summaryText.english();
    }

    /** E.g. {@code write PROCESS ADDRESS BYTES... [size=N]}. */
    public String usage() {
        StringBuilder b = new StringBuilder(name);
        for (Param p : params) {
            b.append(' ').append(p.label());
        }
        for (Option o : options) {
            b.append(" [").append(o.usage()).append(']');
        }
        return b.toString();
    }

    Optional<Option> option(String key) {
        return options.stream().filter(o -> o.key().equals(key)).findFirst();
    }

    /** True when the command is a Mach call (its status is a KernReturn). */
    public boolean mach() {
        return call.startsWith("vm_") || call.startsWith("task_");
    }
}
