package memscope.model.history;

import memscope.model.text.Text;

/** Who made a call the history records: set around a caller's calls with {@code History.as}. */
public enum Caller {
    /** Nobody said: a test, a benchmark, code that does not name itself. */
    UNKNOWN,
    /** The hex editor: typing, paste, fill, undo. */
    EDITOR,
    /** A line typed in the syscall console. */
    CONSOLE,
    /** A step of a lesson. */
    LESSON,
    /** A saved script replayed. */
    SCRIPT,
    /** Loading a scenario, a file, an ELF or a core, or a session. */
    FILE_LOAD,
    /** The Simulation panel (kill, resize, cache policy). */
    SIMULATION,
    /** A live process outside the kernel changed its own memory. */
    OUTSIDE,
    /**
     * The window's own reads (painting, the tree, the maps it looks up), which the syscall log leaves out too.
     * Last, so that the ordinals sessions store keep their meaning.
     */
    WINDOW;

    /** The caller's name for a person, in the bundle of this package. */
    public Text words() {
        return Text.of(HistoryWords.BUNDLE, "caller." + name());
    }
}
