package memscope.model.script;

import static memscope.model.script.CommandSpec.OptionKind.BIND_AS;
import static memscope.model.script.CommandSpec.OptionKind.FIDELITY;
import static memscope.model.script.CommandSpec.OptionKind.FLAG;
import static memscope.model.script.CommandSpec.OptionKind.NUMBER;
import static memscope.model.script.CommandSpec.OptionKind.ON_OFF;
import static memscope.model.script.CommandSpec.OptionKind.RIGHTS;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import memscope.model.script.CommandSpec.Option;
import memscope.model.script.CommandSpec.Param;
import memscope.model.script.CommandSpec.ParamKind;
import memscope.model.text.Text;

/** Every console command, in the order help lists them. The grammar is documented in resources/lessons/CONSOLE.md. */
public final class CommandCatalog {
    private static final Map<String, CommandSpec> SPECS = new LinkedHashMap<>();

    static {
        Param process = handle("process", "PROCESS");
        Param task = handle("task", "TASK");
        Param address = number("address", "ADDRESS");
        Param data = new Param("data", "BYTES...", ParamKind.BYTES);
        Option as = new Option("as", BIND_AS, "NAME");
        Option rights = new Option("rights", RIGHTS, "R|R...");

        add("write", "zx_process_write_memory", List.of(process, address, data),
                List.of(new Option("size", NUMBER, "N")));
        add("read", "zx_process_read_memory", List.of(process, address, number("size", "SIZE")), List.of());
        add("dup", "zx_handle_duplicate", List.of(handle("handle", "HANDLE")), List.of(rights, as));
        add("replace", "zx_handle_replace", List.of(handle("handle", "HANDLE")), List.of(rights, as));
        add("close", "zx_handle_close", List.of(handle("handle", "HANDLE")), List.of());
        add("kill", "zx_task_kill", List.of(process), List.of());
        add("resize", "zx_vmo_set_size", List.of(handle("vmo", "VMO"), number("size", "SIZE")), List.of());
        add("cache", "zx_vmo_set_cache_policy", List.of(handle("vmo", "VMO"),
                new Param("policy", "POLICY", ParamKind.POLICY)), List.of());
        add("protect", "zx_vmar_protect", List.of(handle("vmar", "VMAR"), address, number("length", "LENGTH"),
                perms()), List.of());
        add("unmap", "zx_vmar_unmap", List.of(handle("vmar", "VMAR"), address, number("length", "LENGTH")),
                List.of());
        add("map", "zx_vmar_map", List.of(handle("vmar", "VMAR"), address, handle("vmo", "VMO"),
                number("length", "LENGTH"), perms()), List.of(new Option("offset", NUMBER, "N")));
        add("boot", "kernel command line", List.of(), List.of(new Option("debugging", ON_OFF, "on|off"),
                new Option("legacy_no_memory", ON_OFF, "on|off"),
                new Option("fidelity", FIDELITY, "documented|today")));
        add("task", "task_for_pid", List.of(new Param("name", "NAME", ParamKind.NEW_NAME), process,
                new Param("flavor", "FLAVOR", ParamKind.FLAVOR)), List.of());
        add("vm_write", "vm_write", List.of(task, address, data), List.of(new Option("count", NUMBER, "N")));
        add("vm_read", "vm_read", List.of(task, address, number("size", "SIZE")), List.of());
        add("vm_protect", "vm_protect", List.of(task, address, number("size", "SIZE"), perms()),
                List.of(new Option("max", FLAG, ""), new Option("copy", FLAG, "")));
        add("vm_region", "vm_region", List.of(task, address), List.of());
        // Linux's two writes and the disk comparison: only for a live process attached to the console
        add("process_vm_writev", "process_vm_writev", List.of(process, address, data), List.of());
        add("proc_mem_write", "pwrite64", List.of(process, address, data), List.of());
        add("disk_check", "pread64", List.of(process, address, number("size", "SIZE")), List.of());
    }

    private CommandCatalog() {
    }

    private static Param handle(String key, String label) {
        return new Param(key, label, ParamKind.HANDLE);
    }

    private static Param number(String key, String label) {
        return new Param(key, label, ParamKind.NUMBER);
    }

    private static Param perms() {
        return new Param("perms", "PERMS", ParamKind.PERMS);
    }

    /** Adds a command; what it does is {@code help.NAME} in the console's bundle. */
    private static void add(String name, String call, List<Param> params, List<Option> options) {
        SPECS.put(name, new CommandSpec(name, call, params, options, ConsoleWords.of("help." + name)));
    }

    /** The command with this word (case-insensitive). */
    public static Optional<CommandSpec> find(String word) {
        return Optional.ofNullable(SPECS.get(word.toLowerCase(Locale.ROOT)));
    }

    /** What {@code expect STATUS} at the end of a line does, for help text. */
    public static Text expectSummary() {
        return ConsoleWords.of("help.expect");
    }

    /** Every command, for help text and completion. */
    public static List<CommandSpec> all() {
        return List.copyOf(SPECS.values());
    }
}
