package memscope.app.kernel;

import memscope.model.linux.LinuxWritePath;
import memscope.model.linux.LinuxWriteResult;

/**
 * The way from an edit to the real Linux process it was made on: installed in the session only while the user has
 * turned on "Write through to the live process", and only for the process they attached to.
 */
public interface WriteThrough {
    /** Whether the kernel process {@code processKoid} is the attached live process. */
    boolean targets(long processKoid);

    /**
     * Writes {@code bytes[0, length)} at {@code address} of the live process by {@code path}; afterwards the
     * kernel's copy of those bytes holds what the process holds (a refused write is undone there too).
     */
    LinuxWriteResult write(LinuxWritePath path, long address, byte[] bytes, int length);
}
