package memscope.app.kernel;

import java.util.function.Supplier;
import memscope.model.KernelListener;
import memscope.model.SyscallRecord;

/**
 * Catches the {@link SyscallRecord} of a call the UI makes itself. The kernel tells listeners synchronously on the
 * calling thread, so the record seen on this thread during {@link #record} belongs to that call, even while a
 * script on another thread is busy.
 */
public final class CallRecorder implements KernelListener {
    private final ThreadLocal<SyscallRecord> last = new ThreadLocal<>();

    /** A call's result together with the kernel's record of it (null if the call made none). */
    public record Recorded<T>(T result, SyscallRecord record) {
    }

    @Override
    public void syscallCompleted(SyscallRecord record) {
        last.set(record);
    }

    public <T> Recorded<T> record(Supplier<T> call) {
        last.remove();
        T result = call.get();
        SyscallRecord r = last.get();
        last.remove();
        return new Recorded<>(result, r);
    }
}
