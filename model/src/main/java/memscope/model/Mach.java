package memscope.model;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The Mach personality of the simulated kernel: task ports and the {@code vm_*} calls over the same address
 * spaces the Zircon calls see. A mapping's permissions are Mach's current protection and its {@code maxPerms}
 * the maximum protection. Where Zircon's {@code zx_process_write_memory} is a debugger call that writes through
 * read-only mappings but stops at the end of one mapping, {@code vm_write} honours the protection, may span
 * several mappings, and checks the whole range before writing anything.
 *
 * <p>Every call takes the kernel lock like the Zircon calls, tells listeners about changes after unlocking, and
 * produces a {@link SyscallRecord} whose {@code kernReturn} is set and {@code status} null. Mach is not gated by
 * {@code kernel.enable-debugging-syscalls}: the right to a task port is decided by the process handle's rights
 * in {@link #taskForProcess}, as {@code task_for_pid} is decided by entitlements.
 */
public final class Mach {
    private final KernelState k;
    private final MachPorts ports = new MachPorts();
    private final MachProtect protector;

    Mach(KernelState k) {
        this.k = k;
        this.protector = new MachProtect(k);
    }

    /** The task ports, for sessions; guarded by the kernel lock. */
    MachPorts ports() {
        return ports;
    }

    /**
     * {@code task_for_pid} and its {@code task_read/inspect/name_for_pid} siblings: a send right to the task port
     * of the process behind {@code processHandle}. A handle that is not a live handle to a process is
     * {@code KERN_INVALID_ARGUMENT}. Like task_for_pid's refusals, a handle lacking the rights the flavour needs
     * (CONTROL: READ and WRITE, as Zircon's debugger calls; READ: READ; INSPECT: INSPECT; NAME: none) or a dead
     * process is {@code KERN_FAILURE}. The same process and flavour always give the same port name.
     */
    public PortResult taskForProcess(int processHandle, TaskFlavor flavor) {
        return call(taskCallName(flavor), () -> hex("pid", processHandle) + " flavor=" + flavor, true, 0,
                c -> {
                    Refused.require(flavor != null, KernReturn.INVALID_ARGUMENT, Rule.OTHER, 0);
                    Handle h = k.handles.get(processHandle);
                    Refused.require(h != null, KernReturn.INVALID_ARGUMENT, Rule.BAD_HANDLE, 0);
                    Refused.require(h.object() instanceof ProcessObject, KernReturn.INVALID_ARGUMENT,
                            Rule.WRONG_TYPE, 0);
                    int needed = rightsFor(flavor);
                    Refused.require(h.has(needed), KernReturn.FAILURE, Rule.MISSING_RIGHTS,
                            needed & ~h.rights());
                    ProcessObject p = (ProcessObject) h.object();
                    Refused.require(p.alive(), KernReturn.FAILURE, Rule.PROCESS_DEAD, 0);
                    TaskPort port = ports.portFor(p, flavor);
                    return new PortResult(KernReturn.SUCCESS, port.name());
                }, PortResult::kr, kr -> new PortResult(kr, 0));
    }

    /**
     * {@code vm_write}: all of {@code data[0, dataCount)} at {@code address} or nothing (as documented). Checks,
     * first failure wins: bad or dead port ({@code MACH_SEND_INVALID_DEST}); a count outside 32 unsigned bits
     * ({@code KERN_INVALID_ARGUMENT}); {@code data} null or shorter than {@code dataCount}, an unreadable source
     * ({@code MACH_SEND_INVALID_MEMORY}); port not CONTROL ({@code KERN_INVALID_ARGUMENT}); count 0 succeeds; a range that wraps past 2^64
     * ({@code KERN_INVALID_ADDRESS}); then entry by entry in address
     * order a hole ({@code KERN_INVALID_ADDRESS}), no WRITE or a permanent mapping ({@code
     * KERN_PROTECTION_FAILURE}), memory past a shrunk VMO's end ({@code KERN_INVALID_ADDRESS}) or a VMO that is
     * not CACHED ({@code KERN_FAILURE}). With {@link Fidelity#TODAY}, a write of at most 16 KiB is stored as XNU's
     * copyout does: any fault is {@code KERN_INVALID_ADDRESS}, and the bytes before it stay stored.
     */
    public KernReturn vmWrite(int task, long address, byte[] data, long dataCount) {
        return taskCall(task, "vm_write", () -> hex("target_task", task) + " address=0x" + Long.toHexString(address)
                + " data_count=" + dataCount, true, dataCount, c -> {
                    // the request is a message: its destination is checked first, then its out-of-line data is
                    // copied in (a source the kernel cannot read fails the send), then the server converts the port
                    ports.require(task, TaskFlavor.values());
                    // data_count is a 32-bit mach_msg_type_number_t: other values cannot be sent at all
                    Refused.require(dataCount >= 0 && dataCount <= 0xFFFF_FFFFL, KernReturn.INVALID_ARGUMENT,
                            Rule.INVALID_BUFFER, 0);
                    boolean readable = dataCount == 0 || data != null && data.length >= dataCount;
                    Refused.require(readable, KernReturn.SEND_INVALID_MEMORY, Rule.INVALID_BUFFER, 0);
                    VmAddressRegion space = space(task, TaskFlavor.CONTROL);
                    if (dataCount > 0) {
                        MachMemory.write(space, address, data, (int) dataCount, k.options.fidelity(), c);
                    }
                    return KernReturn.SUCCESS;
                }, kr -> kr, kr -> kr);
    }

    /**
     * {@code vm_read}: a copy of {@code size} bytes at {@code address}. Needs a CONTROL or READ port; a size of
     * 2^32 or more (unsigned) is {@code KERN_INVALID_ARGUMENT}; size 0 gives no bytes; then the same entry walk as
     * {@link #vmWrite}, needing READ. A valid read above 64 MiB is {@code KERN_NO_SPACE} (see
     * {@link MachMemory#MAX_READ}).
     */
    public ReadResult vmRead(int task, long address, long size) {
        return taskCall(task, "vm_read", () -> hex("target_task", task) + " address=0x" + Long.toHexString(address)
                + " size=" + Long.toUnsignedString(size), false, size, c -> {
                    VmAddressRegion space = space(task, TaskFlavor.CONTROL, TaskFlavor.READ);
                    Refused.require(Long.compareUnsigned(size, MachMemory.MAX_MSG_SIZE) < 0,
                            KernReturn.INVALID_ARGUMENT, Rule.INVALID_BUFFER, 0);
                    byte[] data = size == 0 ? new byte[0] : MachMemory.read(space, address, size);
                    return new ReadResult(KernReturn.SUCCESS, data);
                }, ReadResult::kr, kr -> new ReadResult(kr, new byte[0]));
    }

    /**
     * {@code vm_protect}: sets the current (or, with {@code setMaximum}, the maximum) protection of the pages
     * covering {@code [address, address + size)}. Checks: bad or dead port; port not CONTROL
     * ({@code KERN_INVALID_ARGUMENT}); bits other than READ, WRITE, EXECUTE, COPY or a wrapping range
     * ({@code KERN_INVALID_ARGUMENT}); size 0 succeeds; then entry by entry a hole ({@code KERN_INVALID_ADDRESS}),
     * COPY on a permanent mapping ({@code KERN_NO_SPACE}), a protection beyond the maximum
     * ({@code KERN_PROTECTION_FAILURE}; COPY adds WRITE to the maximum first).
     */
    public KernReturn vmProtect(int task, long address, long size, boolean setMaximum, int newProtection) {
        return taskCall(task, "vm_protect", () -> hex("target_task", task) + " address=0x" + Long.toHexString(address)
                + " size=" + Long.toUnsignedString(size) + " set_maximum=" + setMaximum + " new_protection="
                + protectionText(newProtection), true, size, c -> {
                    VmAddressRegion space = space(task, TaskFlavor.CONTROL);
                    MachProtect.checkArguments(address, size, newProtection);
                    if (size != 0) {
                        protector.protect(space, address, size, setMaximum, newProtection, c);
                    }
                    return KernReturn.SUCCESS;
                }, kr -> kr, kr -> kr);
    }

    /**
     * {@code vm_region}: the map entry (mapping) containing {@code address}, or the first one above it, with its
     * whole extent and its current and maximum protection. Needs a CONTROL or READ port; no entry at or above
     * the address is {@code KERN_INVALID_ADDRESS}.
     */
    public RegionResult vmRegion(int task, long address) {
        Supplier<String> args = () -> hex("target_task", task) + " address=0x" + Long.toHexString(address);
        return taskCall(task, "vm_region", args, false, 0, c -> {
            VmAddressRegion space = space(task, TaskFlavor.CONTROL, TaskFlavor.READ);
            VmMapping m = null;
            if (Long.compareUnsigned(address, space.end()) < 0) {
                m = space.firstMappingEndingAfter(Math.max(address, space.base()));
            }
            Refused.require(m != null, KernReturn.INVALID_ADDRESS, Rule.UNMAPPED, address);
            return new RegionResult(KernReturn.SUCCESS, m.base(), m.size(), m.perms(), m.maxPerms());
        }, RegionResult::kr, kr -> new RegionResult(kr, 0, 0, 0, 0));
    }

    /** {@code VM_PROT_READ|VM_PROT_WRITE}, {@code VM_PROT_NONE}, unknown bits in hex. */
    public static String protectionText(int protection) {
        StringBuilder b = new StringBuilder();
        String[] names = {"VM_PROT_READ", "VM_PROT_WRITE", "VM_PROT_EXECUTE"};
        int[] bits = {VmProt.READ, VmProt.WRITE, VmProt.EXECUTE};
        for (int i = 0; i < bits.length; i++) {
            if ((protection & bits[i]) != 0) {
                b.append(b.length() == 0 ? "" : "|").append(names[i]);
            }
        }
        if ((protection & VmProt.COPY) != 0) {
            b.append(b.length() == 0 ? "" : "|").append("VM_PROT_COPY");
        }
        int unknown = protection & ~(VmProt.ALL | VmProt.COPY);
        if (unknown != 0) {
            b.append(b.length() == 0 ? "" : "|").append("0x").append(Integer.toHexString(unknown));
        }
        return b.length() == 0 ? "VM_PROT_NONE" : b.toString();
    }

    // ---- plumbing ----

    /** The address space behind a live port of one of the {@code allowed} flavours. */
    private VmAddressRegion space(int task, TaskFlavor... allowed) {
        return ports.require(task, allowed).process().rootVmar();
    }

    /**
     * A Mach call: runs under the kernel lock (the write lock when it may change state); its record carries the
     * {@code kern_return_t}, the bytes asked for and, on success, moved.
     */
    private <R> R call(String name, Supplier<String> args, boolean exclusive, long requested,
                       Function<Changes, R> body, Function<R, KernReturn> krOf, Function<KernReturn, R> failure) {
        return call(name, args, exclusive, requested, body, krOf, failure, () -> 0L);
    }

    /**
     * A call about the addresses of {@code task}'s process: as {@link #call}, and its record names that process
     * (looked up under the kernel lock, before the call's checks; 0 for a name that is no task port).
     */
    private <R> R taskCall(int task, String name, Supplier<String> args, boolean exclusive, long requested,
                           Function<Changes, R> body, Function<R, KernReturn> krOf,
                           Function<KernReturn, R> failure) {
        long[] koid = {0};
        return call(name, args, exclusive, requested, c -> {
            koid[0] = ports.koidOf(task);
            return body.apply(c);
        }, krOf, failure, () -> koid[0]);
    }

    private <R> R call(String name, Supplier<String> args, boolean exclusive, long requested,
                       Function<Changes, R> body, Function<R, KernReturn> krOf, Function<KernReturn, R> failure,
                       java.util.function.LongSupplier process) {
        return k.call(name, exclusive, body, r -> failure.apply(r.machReturn()), (sequence, result, refusal) -> {
            KernReturn kr = krOf.apply(result);
            long actual = kr == KernReturn.SUCCESS ? requested : 0;
            Rule rule = refusal == null ? Rule.COMPLETE : refusal.rule;
            return new SyscallRecord(sequence, name, args.get(), null, kr, requested, actual, rule,
                    refusal == null ? 0 : refusal.address).withProcess(process.getAsLong());
        });
    }

    private static String taskCallName(TaskFlavor flavor) {
        if (flavor == null || flavor == TaskFlavor.CONTROL) {
            return "task_for_pid";
        }
        return "task_" + flavor.name().toLowerCase(java.util.Locale.ROOT) + "_for_pid";
    }

    private static int rightsFor(TaskFlavor flavor) {
        switch (flavor) {
            case CONTROL: return Rights.READ | Rights.WRITE;
            case READ: return Rights.READ;
            case INSPECT: return Rights.INSPECT;
            default: return Rights.NONE;
        }
    }

    private static String hex(String name, int value) {
        return name + "=0x" + Integer.toHexString(value);
    }
}
