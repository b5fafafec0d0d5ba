package memscope.model.lesson;

import memscope.model.text.Localized;
import memscope.model.text.Text;

/**
 * A lesson that cannot be loaded or started. {@link #getMessage()} reads {@code <source>: <location>: <problem>},
 * e.g. {@code lessons/01-gate.json: steps[2].expect: unknown status "ZX_ERR_NOPE"}; {@link #text()} words the
 * same message in any language the model speaks.
 */
public final class LessonException extends Exception implements Localized {
    private final String source;
    private final Text location;
    private final Text problem;

    public LessonException(String source, String location, String problem) {
        this(source, location, problem, null);
    }

    public LessonException(String source, String location, String problem, Throwable cause) {
        this(source, location.isEmpty() ? null : Text.verbatim(location), Text.verbatim(problem), cause);
    }

    /** {@code location} is null for a problem with the file as a whole. */
    public LessonException(String source, Text location, Text problem, Throwable cause) {
        super(whole(source, location, problem).english(), cause);
        this.source = source;
        this.location = location;
        this.problem = problem;
    }

    public String source() {
        return source;
    }

    /** Where in the lesson: {@code steps[2].action}, or empty for the file as a whole. */
    public String location() {
        return location == null ? "" : location.english();
    }

    /** What is wrong, in English. */
    public String problem() {
        return problem.english();
    }

    /** What is wrong, in any language. */
    public Text problemText() {
        return problem;
    }

    /** The whole message, {@code <source>: <location>: <problem>}, in any language. */
    @Override
    public Text text() {
        return whole(source, location, problem);
    }

    private static Text whole(String source, Text location, Text problem) {
        return location == null ? LessonWords.of("error.file", source, problem)
                : LessonWords.of("error.located", source, location, problem);
    }
}
