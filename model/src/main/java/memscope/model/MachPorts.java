package memscope.model;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The caller's Mach IPC space, reduced to task ports. Names are random and never 0 ({@code MACH_PORT_NULL}), so
 * they cannot be guessed from a counter, and a name is never reused. As in Mach, asking twice for the same
 * port (same process, same flavour) gives the same name. Guarded by the kernel lock: written under the write
 * lock only, so readers holding the read lock may look names up concurrently.
 */
final class MachPorts {
    private final Map<Integer, TaskPort> byName = new HashMap<>();
    private final Map<ProcessObject, Map<TaskFlavor, TaskPort>> byTask = new HashMap<>();
    private final SplittableRandom random = new SplittableRandom(new SecureRandom().nextLong());

    /** The send right for {@code flavor} on {@code process}, made on first use. Call under the write lock. */
    TaskPort portFor(ProcessObject process, TaskFlavor flavor) {
        Map<TaskFlavor, TaskPort> flavours = byTask.computeIfAbsent(process, p -> new HashMap<>());
        TaskPort port = flavours.get(flavor);
        if (port == null) {
            port = new TaskPort(freshName(), process, flavor);
            flavours.put(flavor, port);
            byName.put(port.name(), port);
        }
        return port;
    }

    /**
     * The live task behind {@code name}, refusing a name that is not a task port or whose task is dead
     * ({@code MACH_SEND_INVALID_DEST}), then a port whose flavour is not in {@code allowed}
     * ({@code KERN_INVALID_ARGUMENT}: MIG's conversion yields a null map and the call refuses it). Each flavour is
     * its own kernel object type in Mach, so the wrong flavour is recorded as {@link Rule#WRONG_TYPE}.
     */
    TaskPort require(int name, TaskFlavor... allowed) {
        TaskPort port = byName.get(name);
        Refused.require(port != null, KernReturn.SEND_INVALID_DEST, Rule.BAD_HANDLE, 0);
        Refused.require(port.process().alive(), KernReturn.SEND_INVALID_DEST, Rule.PROCESS_DEAD, 0);
        for (TaskFlavor f : allowed) {
            if (port.flavor() == f) {
                return port;
            }
        }
        throw new Refused(KernReturn.INVALID_ARGUMENT, Rule.WRONG_TYPE, 0);
    }

    /** The koid of the task behind {@code name}, alive or not, or 0 when it names no task port. */
    long koidOf(int name) {
        TaskPort port = byName.get(name);
        return port == null ? 0 : port.process().koid;
    }

    private int freshName() {
        int name;
        do {
            name = random.nextInt();
        } while (name == 0 || byName.containsKey(name));
        return name;
    }

    /** Every port, for sessions. */
    java.util.List<TaskPort> all() {
        return new java.util.ArrayList<>(byName.values());
    }

    /** Session restore: puts back a port with its saved name; false if the name or the (task, flavour) is taken. */
    boolean restore(TaskPort port) {
        Map<TaskFlavor, TaskPort> flavours = byTask.computeIfAbsent(port.process(), p -> new HashMap<>());
        if (port.name() == 0 || byName.containsKey(port.name()) || flavours.containsKey(port.flavor())) {
            return false;
        }
        flavours.put(port.flavor(), port);
        byName.put(port.name(), port);
        return true;
    }
}
