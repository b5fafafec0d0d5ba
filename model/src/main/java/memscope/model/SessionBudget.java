package memscope.model;

import memscope.model.text.Text;

/**
 * How much a session may make, relative to its file size and absolutely (resources/sessions/FORMAT.md, "Budget").
 * A kernel object costs 100 to 300 bytes of heap however few bytes its record takes, so without a bound a small
 * file of tiny records (dead processes, 11 bytes each) could fill the heap. Objects are processes, VMOs, VMARs,
 * mappings, handles and task ports; closed handle values cost 4 bytes each in memory (see {@link ClosedHandles})
 * and have only an absolute cap. The writer refuses to save a kernel the reader would refuse to load.
 */
final class SessionBudget {
    /** Any session may hold this many objects. */
    static final long FREE_OBJECTS = 1 << 16;
    /** Beyond that, this many objects for every KiB of the file (one per 64 bytes on average). */
    static final long OBJECTS_PER_KIB = 16;
    /** Never more than this many objects. */
    static final long MAX_OBJECTS = 1 << 20;
    /** Never more than this many closed handle values (16 MiB of ints). */
    static final long MAX_CLOSED_HANDLES = 1 << 22;

    private final long fileSize;
    private long objects;

    SessionBudget(long fileSize) {
        this.fileSize = fileSize;
    }

    /** The most objects a session of {@code fileSize} bytes may hold. */
    static long objectsAllowed(long fileSize) {
        return Math.min(MAX_OBJECTS, FREE_OBJECTS + OBJECTS_PER_KIB * (Math.max(0, fileSize) / 1024));
    }

    /** Counts {@code count} more objects; null while within the budget, else why not. */
    Text take(long count) {
        objects += count;
        return objects > objectsAllowed(fileSize) ? overBudget(objects, fileSize) : null;
    }

    static Text overBudget(long objects, long fileSize) {
        return ModelWords.of("session.budget.objects", objects, fileSize, objectsAllowed(fileSize),
                FREE_OBJECTS, OBJECTS_PER_KIB, MAX_OBJECTS);
    }

    /** Null while {@code count} closed handle values are within the cap, else why not. */
    static Text checkClosed(long count) {
        return count > MAX_CLOSED_HANDLES ? ModelWords.of("session.budget.closed", count, MAX_CLOSED_HANDLES) : null;
    }
}
