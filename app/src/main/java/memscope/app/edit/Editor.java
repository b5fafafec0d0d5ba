package memscope.app.edit;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Supplier;
import memscope.app.hex.EditHandler;
import memscope.app.kernel.CallRecorder.Recorded;
import memscope.app.kernel.KernelSession;
import memscope.app.kernel.Personality;
import memscope.model.IoResult;
import memscope.model.KernelInspector.HandleInfo;
import memscope.model.Status;
import memscope.model.SyscallRecord;

/**
 * Turns typing into writes through the chosen editor handle and the chosen kernel personality (a {@link WritePath}:
 * Zircon's {@code zx_process_write_memory} or Mach's {@code vm_write}), and keeps the undo history. Before each
 * edit it reads the old bytes (through the reading handle, which is not an edit), so undo can write them back;
 * undo and redo are writes through the CURRENT editor handle and personality and can be refused like any other.
 * The history and the old bytes belong to the document being edited ({@link EditTarget}), so each document
 * undoes its own edits.
 */
public final class Editor implements EditHandler {
    /** Why a write was made. */
    public enum Cause { EDIT, UNDO, REDO }

    /** Hears every write the editor made, with the kernel's record of it. */
    @FunctionalInterface
    public interface WriteListener {
        void written(Cause cause, SyscallRecord record, long address, int length);
    }

    /**
     * The same write made under the three personalities, Mach first, then Linux, then Zircon: each holds the bytes
     * it wrote and the record of the call that decided it.
     */
    public record Comparison(long address, int length, Recorded<Long> mach, Recorded<Long> linux,
                             Recorded<Long> zircon) {
    }

    private final KernelSession session;
    private final Supplier<EditTarget> target;
    private final WriteListener listener;
    private final Map<Personality, WritePath> paths = new EnumMap<>(Personality.class);
    /** The same, never written through to a live process: what a comparison uses. */
    private final Map<Personality, WritePath> simulated = new EnumMap<>(Personality.class);

    /** {@code target} is the document edits go to now (the one shown). */
    public Editor(KernelSession session, Supplier<EditTarget> target, WriteListener listener) {
        this.session = session;
        this.target = target;
        this.listener = listener;
        ZirconWritePath zircon = new ZirconWritePath(session);
        MachWritePath mach = new MachWritePath(session);
        simulated.put(Personality.ZIRCON, zircon);
        simulated.put(Personality.MACH, mach);
        simulated.put(Personality.LINUX, new LinuxEditPath(session, zircon, false));
        paths.put(Personality.ZIRCON, new WriteThroughPath(session, zircon));
        paths.put(Personality.MACH, new WriteThroughPath(session, mach));
        paths.put(Personality.LINUX, new WriteThroughPath(session, new LinuxEditPath(session, zircon, true)));
    }

    /** The undo history of the document being edited. */
    public EditHistory history() {
        return target.get().history();
    }

    @Override
    public boolean write(long address, byte[] bytes) {
        if (session.pastShownProperty().get()) {
            return false; // the past is read-only
        }
        byte[] before = readOld(target.get().toKernel(address), bytes.length);
        long written = writeThroughEditor(Cause.EDIT, address, bytes).result();
        remember(address, before, bytes, written);
        return written == bytes.length;
    }

    /**
     * Makes the same write under the three personalities through the editor handle, Mach, Linux, then Zircon, and
     * records one undo step for whatever was written. No outcome depends on the bytes already there (only on handle
     * rights, mappings and their protection, which no write changes), so the order cannot change a verdict; Mach
     * goes first so that it meets the memory exactly as the user saw it, and a Zircon success cannot make a
     * Mach or Linux refusal look like a harmless no-op. A comparison stays in the simulated kernel: it never
     * writes through to a live process. Nothing is restored in between: a restore would be a third write,
     * itself refusable, and would show in the log as if the user had made it. Null while the timeline shows the
     * past (nothing is written then).
     */
    public Comparison compare(long address, byte[] bytes) {
        if (session.pastShownProperty().get()) {
            return null; // the past is read-only: no write under any personality
        }
        int handle = session.editorHandleProperty().get();
        long at = target.get().toKernel(address);
        byte[] before = readOld(at, bytes.length);
        Recorded<Long> mach = simulated.get(Personality.MACH).write(handle, at, bytes);
        Recorded<Long> linux = simulated.get(Personality.LINUX).write(handle, at, bytes);
        Recorded<Long> zircon = simulated.get(Personality.ZIRCON).write(handle, at, bytes);
        // Mach writes all or nothing, Linux and Zircon a prefix, so the longest is what memory now holds
        remember(address, before, bytes, Math.max(Math.max(mach.result(), linux.result()), zircon.result()));
        return new Comparison(address, bytes.length, mach, linux, zircon);
    }

    /** Only what was actually written can be undone, and only if we know what was there before. */
    private void remember(long address, byte[] before, byte[] bytes, long written) {
        if (written > 0 && before.length >= written) {
            int n = (int) written;
            EditTarget t = target.get();
            t.originals().remember(address, before.length == n ? before : Arrays.copyOf(before, n));
            t.history().record(new Edit(address, Arrays.copyOf(before, n), Arrays.copyOf(bytes, n)));
        }
    }

    /** Writes the latest edit's old bytes back; a refused undo stays on the undo stack. Empty if none. */
    public boolean undo() {
        if (session.pastShownProperty().get()) {
            return false;
        }
        return history().undo(e -> fully(writeThroughEditor(Cause.UNDO, e.address(), e.before()), e)).isPresent();
    }

    /** Writes the latest undone edit's new bytes again; same rules as undo. */
    public boolean redo() {
        if (session.pastShownProperty().get()) {
            return false;
        }
        return history().redo(e -> fully(writeThroughEditor(Cause.REDO, e.address(), e.after()), e)).isPresent();
    }

    private Recorded<Long> writeThroughEditor(Cause cause, long address, byte[] bytes) {
        int handle = session.editorHandleProperty().get();
        Recorded<Long> r = paths.get(session.personalityProperty().get()).write(handle,
                target.get().toKernel(address), bytes);
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

    private static boolean fully(Recorded<Long> r, Edit e) {
        return r.result() == e.length();
    }
}
