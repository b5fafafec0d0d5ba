package memscope.model.script;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import memscope.model.Kernel;
import memscope.model.KernReturn;
import memscope.model.PortResult;
import memscope.model.ReadResult;
import memscope.model.RegionResult;
import memscope.model.TaskFlavor;

/**
 * The Mach calls the console makes, over {@code kernel.mach()}. TEMPORARY: reaches {@code mach()} reflectively
 * until the Mach personality is merged into this branch; then this becomes direct calls.
 */
final class MachCalls {
    private final Object mach;

    private MachCalls(Object mach) {
        this.mach = mach;
    }

    static MachCalls of(Kernel kernel) {
        try {
            return new MachCalls(Kernel.class.getMethod("mach").invoke(kernel));
        } catch (NoSuchMethodException e) {
            throw new UnsupportedOperationException("this kernel has no Mach personality (kernel.mach())", e);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
    }

    PortResult taskForProcess(int process, TaskFlavor flavor) {
        return (PortResult) call("taskForProcess", new Class<?>[] {int.class, TaskFlavor.class}, process, flavor);
    }

    KernReturn vmWrite(int task, long address, byte[] data, long count) {
        return (KernReturn) call("vmWrite", new Class<?>[] {int.class, long.class, byte[].class, long.class},
                task, address, data, count);
    }

    ReadResult vmRead(int task, long address, long size) {
        return (ReadResult) call("vmRead", new Class<?>[] {int.class, long.class, long.class}, task, address, size);
    }

    KernReturn vmProtect(int task, long address, long size, boolean setMaximum, int protection) {
        return (KernReturn) call("vmProtect", new Class<?>[] {int.class, long.class, long.class, boolean.class,
                int.class}, task, address, size, setMaximum, protection);
    }

    RegionResult vmRegion(int task, long address) {
        return (RegionResult) call("vmRegion", new Class<?>[] {int.class, long.class}, task, address);
    }

    private Object call(String name, Class<?>[] types, Object... args) {
        try {
            return mach.getClass().getMethod(name, types).invoke(mach, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalStateException("Mach." + name + " is not as agreed in kernel-api.md", e);
        }
    }
}
