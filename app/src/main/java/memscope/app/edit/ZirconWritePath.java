package memscope.app.edit;

import memscope.app.kernel.CallRecorder.Recorded;
import memscope.app.kernel.KernelSession;
import memscope.model.IoResult;
import memscope.model.Status;

/**
 * Edits as {@code zx_process_write_memory}: debugger semantics, so a read-only mapping is written too, and a
 * write stops at the end of its mapping.
 */
public final class ZirconWritePath implements WritePath {
    private final KernelSession session;

    public ZirconWritePath(KernelSession session) {
        this.session = session;
    }

    @Override
    public Recorded<Long> write(int processHandle, long address, byte[] bytes) {
        Recorded<IoResult> r = session.recorder().record(
                () -> session.kernel().writeMemory(processHandle, address, bytes, bytes.length));
        long written = r.result().status() == Status.OK ? r.result().actual() : 0;
        return new Recorded<>(written, r.record());
    }
}
