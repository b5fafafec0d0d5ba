package memscope.app.edit;

import java.util.HashMap;
import java.util.Map;
import memscope.app.kernel.CallRecorder.Recorded;
import memscope.app.kernel.KernelSession;
import memscope.model.KernReturn;
import memscope.model.PortResult;
import memscope.model.TaskFlavor;

/**
 * Edits as Mach's {@code vm_write}: all or nothing, refused where the mapping lacks write protection. The task
 * port comes from {@code task_for_pid} (CONTROL flavour) on the editor's process handle, once per handle: the
 * kernel hands out the same port name for the same process every time, so asking again before every byte would
 * only fill the log. A port the kernel no longer knows ({@code MACH_SEND_INVALID_DEST}: its process died) is
 * forgotten, so the next edit asks again and {@code task_for_pid} itself says why it cannot have one.
 */
public final class MachWritePath implements WritePath {
    private final KernelSession session;
    /** Process handle value -> its CONTROL task port. Used on the FX thread only. */
    private final Map<Integer, Integer> ports = new HashMap<>();

    public MachWritePath(KernelSession session) {
        this.session = session;
    }

    @Override
    public Recorded<Long> write(int processHandle, long address, byte[] bytes) {
        Integer port = ports.get(processHandle);
        if (port == null) {
            Recorded<PortResult> task = session.recorder().record(
                    () -> session.kernel().mach().taskForProcess(processHandle, TaskFlavor.CONTROL));
            if (task.result().kr() != KernReturn.SUCCESS) {
                return new Recorded<>(0L, task.record());
            }
            port = task.result().port();
            ports.put(processHandle, port);
        }
        int taskPort = port;
        Recorded<KernReturn> r = session.recorder().record(
                () -> session.kernel().mach().vmWrite(taskPort, address, bytes, bytes.length));
        if (r.result() == KernReturn.SEND_INVALID_DEST) {
            ports.remove(processHandle);
        }
        return new Recorded<>(r.result() == KernReturn.SUCCESS ? (long) bytes.length : 0L, r.record());
    }
}
