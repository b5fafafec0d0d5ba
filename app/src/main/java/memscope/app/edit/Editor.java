package memscope.app.edit;

import java.util.Arrays;
import java.util.OptionalInt;
import memscope.app.hex.EditHandler;
import memscope.app.kernel.CallRecorder.Recorded;
import memscope.app.kernel.KernelSession;
import memscope.model.IoResult;
import memscope.model.KernelInspector.HandleInfo;
import memscope.model.Status;
import memscope.model.SyscallRecord;

/**
 * Turns typing into {@code writeMemory} calls through the chosen editor handle, and keeps the undo history.
 * Before each edit it reads the old bytes (through the reading handle, which is not an edit), so undo can write
 * them back; undo and redo are writes through the CURRENT editor handle and can be refused like any other.
 */
public final class Editor implements EditHandler {
    /** Why a write was made. */
    public enum Cause { EDIT, UNDO, REDO }

    /** Hears every write the editor made, with the kernel's record of it. */
    @FunctionalInterface
    public interface WriteListener {
        void written(Cause cause, SyscallRecord record, long address, int length);
    }

    private final KernelSession session;
    private final EditHistory history;
    private final WriteListener listener;

    public Editor(KernelSession session, EditHistory history, WriteListener listener) {
        this.session = session;
        this.history = history;
        this.listener = listener;
    }

    public EditHistory history() {
        return history;
    }

    @Override
    public boolean write(long address, byte[] bytes) {
        byte[] before = readOld(address, bytes.length);
        Recorded<IoResult> r = writeThroughEditor(Cause.EDIT, address, bytes);
        int written = (int) written(r.result());
        // only what was actually written can be undone, and only if we know what was there before
        if (written > 0 && before.length >= written) {
            history.record(new Edit(address, Arrays.copyOf(before, written), Arrays.copyOf(bytes, written)));
        }
        return written == bytes.length;
    }

    /** Writes the latest edit's old bytes back; a refused undo stays on the undo stack. Empty if none. */
    public boolean undo() {
        return history.undo(e -> fully(writeThroughEditor(Cause.UNDO, e.address(), e.before()), e)).isPresent();
    }

    /** Writes the latest undone edit's new bytes again; same rules as undo. */
    public boolean redo() {
        return history.redo(e -> fully(writeThroughEditor(Cause.REDO, e.address(), e.after()), e)).isPresent();
    }

    private Recorded<IoResult> writeThroughEditor(Cause cause, long address, byte[] bytes) {
        int handle = session.editorHandleProperty().get();
        Recorded<IoResult> r = session.recorder().record(
                () -> session.kernel().writeMemory(handle, address, bytes, bytes.length));
        if (r.record() != null) {
            listener.written(cause, r.record(), address, bytes.length);
        }
        return r;
    }

    /** The bytes now at {@code address} in the editor handle's process, as many as can be read (maybe none). */
    private byte[] readOld(long address, int length) {
        int editor = session.editorHandleProperty().get();
        OptionalInt reader = session.kernel().inspector().handle(editor).map(HandleInfo::koid)
                .map(session::readerFor).orElse(OptionalInt.empty());
        if (reader.isEmpty()) {
            return new byte[0];
        }
        byte[] old = new byte[length];
        IoResult r = session.quietly(() -> session.kernel().readMemory(reader.getAsInt(), address, old, length));
        return r.status() == Status.OK ? Arrays.copyOf(old, (int) r.actual()) : new byte[0];
    }

    private static long written(IoResult r) {
        return r.status() == Status.OK ? r.actual() : 0;
    }

    private static boolean fully(Recorded<IoResult> r, Edit e) {
        return written(r.result()) == e.length();
    }
}
