package memscope.model.lesson;

/**
 * A lesson that cannot be loaded or started. {@link #getMessage()} reads {@code <source>: <location>: <problem>},
 * e.g. {@code lessons/01-gate.json: steps[2].expect: unknown status "ZX_ERR_NOPE"}.
 */
public final class LessonException extends Exception {
    private final String source;
    private final String location;
    private final String problem;

    public LessonException(String source, String location, String problem) {
        this(source, location, problem, null);
    }

    public LessonException(String source, String location, String problem, Throwable cause) {
        super(source + ": " + (location.isEmpty() ? "" : location + ": ") + problem, cause);
        this.source = source;
        this.location = location;
        this.problem = problem;
    }

    public String source() {
        return source;
    }

    /** Where in the lesson: {@code steps[2].action}, or empty for the file as a whole. */
    public String location() {
        return location;
    }

    public String problem() {
        return problem;
    }
}
