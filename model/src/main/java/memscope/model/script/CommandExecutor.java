package memscope.model.script;

import java.util.Arrays;
import java.util.Map;
import memscope.model.History;
import memscope.model.history.Caller;
import memscope.model.BootOptions;
import memscope.model.Errno;
import memscope.model.CachePolicy;
import memscope.model.HandleResult;
import memscope.model.IoResult;
import memscope.model.Kernel;
import memscope.model.KernReturn;
import memscope.model.Mach;
import memscope.model.PortResult;
import memscope.model.ReadResult;
import memscope.model.RegionResult;
import memscope.model.Rights;
import memscope.model.Status;
import memscope.model.TaskFlavor;
import memscope.model.MapResult;
import memscope.model.VmOptions;
import memscope.model.VmProt;
import memscope.model.linux.DiskCheck;
import memscope.model.linux.LinuxProcess;
import memscope.model.linux.LinuxWritePath;
import memscope.model.linux.LinuxWriteResult;
import memscope.model.linux.LinuxWrites;
import memscope.model.text.Text;

/**
 * Runs parsed commands against a kernel: resolves names to handle values, makes the one call each command stands
 * for and turns the outcome into a {@link CommandResult}. Names bound by a command ({@code as NAME}, a task port,
 * a replaced handle) go into the session's name table.
 */
final class CommandExecutor {
    private static final int ZX_HANDLE_INVALID = 0;

    private final Kernel kernel;
    private final Map<String, Integer> names;
    private final LiveTargets live;

    CommandExecutor(Kernel kernel, Map<String, Integer> names, LiveTargets live) {
        this.kernel = kernel;
        this.names = names;
        this.live = live;
    }

    /** Runs one command; its calls are the console's unless a lesson or a script already named itself. */
    CommandResult execute(Command c) {
        Caller who = kernel.history().caller();
        try (History.Scope s = kernel.history().as(who == Caller.UNKNOWN ? Caller.CONSOLE : who)) {
            return dispatch(c);
        }
    }

    private CommandResult dispatch(Command c) {
        if (c.unresolved().isPresent()) {
            // a symbol whose program has gone: no call is made
            return linux(c, Errno.EINVAL, 0, 0, null, ConsoleWords.of("symbol.gone", c.unresolved().get()));
        }
        switch (c.spec().name()) {
            case "process_vm_writev": return linuxWrite(c, LinuxWritePath.PROCESS_VM_WRITEV);
            case "proc_mem_write": return linuxWrite(c, LinuxWritePath.PROC_PID_MEM);
            case "disk_check": return diskCheck(c);
            case "write": return write(c);
            case "read": return read(c);
            case "dup": return duplicate(c);
            case "replace": return replace(c);
            case "close": return zx(c, kernel.handleClose(handle(c, "handle")));
            case "kill": return zx(c, kernel.taskKill(handle(c, "process")));
            case "resize": return zx(c, kernel.vmoSetSize(handle(c, "vmo"), c.number("size")));
            case "cache": return zx(c, kernel.vmoSetCachePolicy(handle(c, "vmo"), c.<CachePolicy>value("policy")));
            case "protect": return zx(c, kernel.vmarProtect(handle(c, "vmar"), c.bits("perms"), c.number("address"),
                    c.number("length")));
            case "unmap": return zx(c, kernel.vmarUnmap(handle(c, "vmar"), c.number("address"), c.number("length")));
            case "map": return map(c);
            case "boot": return boot(c);
            case "task": return task(c);
            case "vm_write": return vmWrite(c);
            case "vm_read": return vmRead(c);
            case "vm_protect": return mach(c, mach().vmProtect(handle(c, "task"), c.number("address"),
                    c.number("size"), c.has("max"), c.bits("perms") | (c.has("copy") ? VmProt.COPY : 0)), 0, 0, null,
                    CommandResult.NO_DETAIL);
            case "vm_region": return vmRegion(c);
            default: throw new IllegalStateException("no executor for " + c.spec().name());
        }
    }

    private CommandResult write(Command c) {
        byte[] data = c.bytes("data");
        long size = c.has("size") ? c.number("size") : data.length;
        IoResult r = kernel.writeMemory(handle(c, "process"), c.number("address"), data, size);
        return new CommandResult(c, c.spec().call(), r.status(), null, size, r.status().isOk() ? r.actual() : 0,
                null, CommandResult.NO_DETAIL);
    }

    private CommandResult read(Command c) {
        long size = c.number("size");
        // a size the kernel refuses anyway gets no buffer, so `read p1 0 1G` does not allocate a gigabyte
        byte[] buffer = size > 0 && size <= Kernel.MAX_DEBUG_IO ? new byte[(int) size] : new byte[0];
        IoResult r = kernel.readMemory(handle(c, "process"), c.number("address"), buffer, size);
        byte[] got = r.status().isOk() ? Arrays.copyOf(buffer, (int) r.actual()) : null;
        return new CommandResult(c, c.spec().call(), r.status(), null, size, r.status().isOk() ? r.actual() : 0,
                got, CommandResult.NO_DETAIL);
    }

    private CommandResult duplicate(Command c) {
        int rights = c.has("rights") ? c.bits("rights") : Rights.SAME_RIGHTS;
        HandleResult r = kernel.handleDuplicate(handle(c, "handle"), rights);
        return bound(c, r, c.has("as") ? c.name("as") : null);
    }

    private CommandResult replace(Command c) {
        int rights = c.has("rights") ? c.bits("rights") : Rights.SAME_RIGHTS;
        HandleResult r = kernel.handleReplace(handle(c, "handle"), rights);
        // without `as`, the name follows its handle: the old value is dead, the name now means the new one
        return bound(c, r, c.has("as") ? c.name("as") : c.name("handle"));
    }

    private CommandResult bound(Command c, HandleResult r, String name) {
        Text detail = CommandResult.NO_DETAIL;
        if (r.status().isOk()) {
            detail = ConsoleWords.of("detail.newHandle", Hex.handle(r.handle()), rightsOf(r.handle()));
            if (name != null) {
                names.put(name, r.handle());
                detail = ConsoleWords.of("detail.bound", name, detail);
            }
        }
        return zx(c, r.status(), detail);
    }

    private String rightsOf(int handle) {
        return kernel.inspector().handle(handle).map(h -> "rights=" + Rights.toString(h.rights())).orElse("");
    }

    /** {@code zx_vmar_map} at a fixed address (SPECIFIC); the address is absolute, as everywhere in the console. */
    private CommandResult map(Command c) {
        int vmar = handle(c, "vmar");
        long address = c.number("address");
        // a name that is no VMAR makes the kernel answer for it (BAD_HANDLE, WRONG_TYPE); the offset is then moot
        long base = kernel.inspector().vmarBase(vmar).orElse(0);
        long offset = c.has("offset") ? c.number("offset") : 0;
        MapResult r = kernel.vmarMap(vmar, c.bits("perms") | VmOptions.SPECIFIC, address - base, handle(c, "vmo"),
                offset, c.number("length"));
        Text detail = r.status().isOk() ? Text.verbatim(Hex.address(r.address())) : CommandResult.NO_DETAIL;
        return zx(c, r.status(), detail);
    }

    private CommandResult boot(Command c) {
        BootOptions o = kernel.options();
        if (c.has("debugging")) {
            o = o.withDebuggingSyscalls(c.<Boolean>value("debugging"));
        }
        if (c.has("legacy_no_memory")) {
            o = o.withLegacyNoMemory(c.<Boolean>value("legacy_no_memory"));
        }
        if (c.has("fidelity")) {
            o = o.withFidelity(c.value("fidelity"));
        }
        kernel.setOptions(o);
        return zx(c, Status.OK, Text.verbatim(o.toString())); // kernel command-line options read alike everywhere
    }

    private CommandResult task(Command c) {
        PortResult r = mach().taskForProcess(handle(c, "process"), c.<TaskFlavor>value("flavor"));
        Text detail = CommandResult.NO_DETAIL;
        if (r.kr() == KernReturn.SUCCESS) {
            names.put(c.name("name"), r.port());
            detail = ConsoleWords.of("detail.taskPort", c.name("name"), Hex.handle(r.port()));
        }
        TaskFlavor flavor = c.value("flavor");
        String call = flavor == TaskFlavor.CONTROL ? "task_for_pid"
                : "task_" + flavor.name().toLowerCase(java.util.Locale.ROOT) + "_for_pid";
        return new CommandResult(c, call, null, r.kr(), 0, 0, null, detail);
    }

    private CommandResult vmWrite(Command c) {
        byte[] data = c.bytes("data");
        long count = c.has("count") ? c.number("count") : data.length;
        KernReturn kr = mach().vmWrite(handle(c, "task"), c.number("address"), data, count);
        return mach(c, kr, count, kr == KernReturn.SUCCESS ? count : 0, null, CommandResult.NO_DETAIL);
    }

    private CommandResult vmRead(Command c) {
        long size = c.number("size");
        ReadResult r = mach().vmRead(handle(c, "task"), c.number("address"), size);
        byte[] data = r.kr() == KernReturn.SUCCESS && r.data() != null ? r.data() : null;
        return mach(c, r.kr(), size, data == null ? 0 : data.length, data, CommandResult.NO_DETAIL);
    }

    private CommandResult vmRegion(Command c) {
        RegionResult r = mach().vmRegion(handle(c, "task"), c.number("address"));
        if (r.kr() != KernReturn.SUCCESS) {
            return mach(c, r.kr(), 0, 0, null, CommandResult.NO_DETAIL);
        }
        // bounds and protections are code-like tokens, the same in every language
        Text region = Text.verbatim(Hex.address(r.address()) + "-" + Hex.address(r.address() + r.size())
                + " prot=" + VmOptions.permString(r.protection()) + " max=" + VmOptions.permString(r.maxProtection()));
        return mach(c, r.kr(), 0, 0, null, region);
    }

    /** A Linux write into an attached live process, by one of Linux's two paths; nothing else is written. */
    private CommandResult linuxWrite(Command c, LinuxWritePath path) {
        byte[] data = c.bytes("data");
        LinuxProcess p = live.process(handle(c, "process")).orElse(null);
        if (p == null) {
            return notLive(c, data.length);
        }
        LinuxWriteResult r = new LinuxWrites(p).write(path, c.number("address"), data, data.length);
        return linux(c, r.errno(), data.length, r.ok() ? r.written() : 0, null, r.rule());
    }

    private CommandResult diskCheck(Command c) {
        LinuxProcess p = live.process(handle(c, "process")).orElse(null);
        if (p == null) {
            return notLive(c, 0);
        }
        DiskCheck.Result r = DiskCheck.compare(p, c.number("address"), c.number("size"));
        return linux(c, r.errno(), 0, 0, r.file(), r.words());
    }

    private CommandResult notLive(Command c, long requested) {
        return linux(c, Errno.ESRCH, requested, 0, null, ConsoleWords.of("linux.notLive", c.name("process")));
    }

    private static CommandResult linux(Command c, Errno errno, long requested, long actual, byte[] data,
                                       Text detail) {
        return new CommandResult(c, c.spec().call(), null, null, requested, actual, data, detail, errno);
    }

    private int handle(Command c, String key) {
        Integer value = names.get(c.name(key));
        return value == null ? ZX_HANDLE_INVALID : value;
    }

    private Mach mach() {
        return kernel.mach();
    }

    private static CommandResult zx(Command c, Status s) {
        return zx(c, s, CommandResult.NO_DETAIL);
    }

    private static CommandResult zx(Command c, Status s, Text detail) {
        return new CommandResult(c, c.spec().call(), s, null, 0, 0, null, detail);
    }

    private static CommandResult mach(Command c, KernReturn kr, long requested, long actual, byte[] data,
                                      Text detail) {
        return new CommandResult(c, c.spec().call(), null, kr, requested, actual, data, detail);
    }
}
