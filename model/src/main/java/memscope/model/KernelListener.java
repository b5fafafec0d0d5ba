package memscope.model;

/**
 * Observes the kernel. Called after each change is complete, on the thread that made it, outside the kernel's
 * lock (so a listener may call back into the kernel). Keep listeners quick: they run inside the caller's syscall.
 */
public interface KernelListener {
    default void memoryChanged(MemoryChange change) {
    }

    default void structureChanged(StructureChange change) {
    }

    default void syscallCompleted(SyscallRecord record) {
    }
}
