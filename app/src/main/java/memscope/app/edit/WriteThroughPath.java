package memscope.app.edit;

import memscope.app.kernel.CallRecorder.Recorded;
import memscope.app.kernel.KernelSession;
import memscope.app.kernel.WriteThrough;
import memscope.model.KernelInspector.HandleInfo;
import memscope.model.linux.LinuxWriteResult;

/**
 * Any personality's write, then, while "Write through to the live process" is on and the edit is on the attached
 * live process, the same bytes (as many as the simulated kernel took) into the real process by the session's
 * Linux path. The real call's outcome is the edit's outcome: its count is what was written, its record is shown.
 * Nothing reaches a real process otherwise.
 */
final class WriteThroughPath implements WritePath {
    private final KernelSession session;
    private final WritePath simulated;

    WriteThroughPath(KernelSession session, WritePath simulated) {
        this.session = session;
        this.simulated = simulated;
    }

    @Override
    public Recorded<Long> write(int processHandle, long address, byte[] bytes) {
        Recorded<Long> r = simulated.write(processHandle, address, bytes);
        WriteThrough live = session.writeThroughProperty().get();
        if (live == null || r.result() <= 0) {
            return r; // the simulated checks refused: nothing goes out
        }
        long koid = session.kernel().inspector().handle(processHandle).map(HandleInfo::koid).orElse(0L);
        if (!live.targets(koid)) {
            return r;
        }
        LinuxWriteResult real = live.write(session.linuxPathProperty().get(), address, bytes, (int) (long) r.result());
        return new Recorded<>(real.written(), real.record());
    }
}
