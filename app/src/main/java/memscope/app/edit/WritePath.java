package memscope.app.edit;

import memscope.app.kernel.CallRecorder.Recorded;

/**
 * How an edit reaches memory: one kernel call (or two, when a port must be obtained first) through a process
 * handle. The {@link Editor} decides what to write and keeps the undo history; a path only makes the call, so
 * typing, paste, undo and redo behave the same whichever kernel personality is chosen.
 */
public interface WritePath {
    /**
     * Writes {@code bytes} at {@code address} in the process behind {@code processHandle}. The result is the
     * number of bytes written (0 when refused); the record is that of the call that decided the outcome.
     */
    Recorded<Long> write(int processHandle, long address, byte[] bytes);
}
