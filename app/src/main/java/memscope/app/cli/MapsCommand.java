package memscope.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import memscope.model.Kernel;
import memscope.model.KernelInspector.HandleInfo;
import memscope.model.KernelInspector.VmoInfo;
import memscope.model.MapEntry;
import memscope.model.MapsResult;
import memscope.model.ObjectType;
import memscope.model.Status;
import memscope.model.VmOptions;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code memscope maps}: every process's mappings, as {@code zx_object_get_info(ZX_INFO_PROCESS_MAPS)} reports
 * them, printed like {@code /proc/PID/maps} ({@code start-end perms offset vmo name}) or as JSON.
 */
@CommandLine.Command(name = "maps", mixinStandardHelpOptions = true, sortOptions = false)
final class MapsCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin
    WorldOptions world = new WorldOptions();

    @Option(names = "--session", paramLabel = "FILE", descriptionKey = "cli.option.session")
    Path session;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            descriptionKey = "cli.option.format")
    OutputFormat format;

    private final CliContext context;

    MapsCommand(CliContext context) {
        this.context = context;
    }

    /** One process: its name, koid, and its mappings (empty for a dead process, which has no address space). */
    private record ProcessMaps(String name, long koid, boolean alive, List<Row> mappings) {
    }

    /** A mapping and its {@code rwxp}/{@code rwxs} column. */
    private record Row(MapEntry m, String perms) {
    }

    @Override
    public Integer call() throws CliException {
        try (World w = world.open(session, context.words())) {
            List<ProcessMaps> all = processes(w.kernel());
            if (format == OutputFormat.json) {
                context.out().println(json(all));
            } else {
                text(all);
            }
            return ExitCodes.OK;
        }
    }

    /** Each process once (by koid), read through the first of its handles the kernel lets inspect it. */
    private static List<ProcessMaps> processes(Kernel kernel) {
        List<ProcessMaps> out = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        List<HandleInfo> handles = kernel.inspector().handles();
        for (HandleInfo h : handles) {
            if (h.type() != ObjectType.PROCESS || seen.contains(h.koid())) {
                continue;
            }
            MapsResult maps = kernel.processMaps(h.handle());
            if (maps.status() != Status.OK && hasAnotherHandle(handles, h)) {
                continue; // this handle may lack INSPECT: a later one of the same process may read it
            }
            seen.add(h.koid());
            List<Row> mappings = maps.entries().stream().filter(MapEntry::isMapping)
                    .map(m -> new Row(m, perms(m.permissions(), kernel.inspector().vmo(m.vmoKoid())
                            .map(VmoInfo::shared).orElse(false)))).toList();
            boolean alive = kernel.inspector().process(h.koid()).map(p -> p.alive()).orElse(false);
            out.add(new ProcessMaps(h.name(), h.koid(), alive, mappings));
        }
        return out;
    }

    private static boolean hasAnotherHandle(List<HandleInfo> handles, HandleInfo h) {
        return handles.stream().anyMatch(o -> o.koid() == h.koid() && o.handle() != h.handle()
                && handles.indexOf(o) > handles.indexOf(h));
    }

    private void text(List<ProcessMaps> all) {
        CliWords words = context.words();
        for (ProcessMaps p : all) {
            context.out().println(words.get(p.alive() ? "cli.maps.process" : "cli.maps.deadProcess", p.name(),
                    p.koid()));
            for (Row r : p.mappings()) {
                MapEntry m = r.m();
                context.out().println(String.format("%012x-%012x %s %08x %6d %s", m.base(), m.end(), r.perms(),
                        m.vmoOffset(), m.vmoKoid(), m.name()));
            }
        }
    }

    private static String json(List<ProcessMaps> all) {
        ArrayNode root = JSON.createArrayNode();
        for (ProcessMaps p : all) {
            ObjectNode o = root.addObject();
            o.put("process", p.name());
            o.put("koid", p.koid());
            o.put("alive", p.alive());
            ArrayNode maps = o.putArray("maps");
            for (Row r : p.mappings()) {
                MapEntry m = r.m();
                ObjectNode e = maps.addObject();
                e.put("start", "0x" + Long.toHexString(m.base()));
                e.put("end", "0x" + Long.toHexString(m.end()));
                e.put("perms", r.perms());
                e.put("offset", m.vmoOffset());
                e.put("vmo", m.vmoKoid());
                e.put("name", m.name());
            }
        }
        return root.toString();
    }

    /** {@code r-xp} as /proc/PID/maps writes it: read, write, execute, then s for a shared VMO, else p. */
    static String perms(int p, boolean shared) {
        return ((p & VmOptions.PERM_READ) != 0 ? "r" : "-") + ((p & VmOptions.PERM_WRITE) != 0 ? "w" : "-")
                + ((p & VmOptions.PERM_EXECUTE) != 0 ? "x" : "-") + (shared ? "s" : "p");
    }
}
