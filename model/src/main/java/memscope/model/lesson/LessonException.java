package memscope.model.lesson;

import memscope.model.text.LocatedProblem;
import memscope.model.text.Localized;
import memscope.model.text.Text;

/**
 * A lesson that cannot be loaded or started. {@link #getMessage()} reads {@code <source>: <location>: <problem>},
 * e.g. {@code lessons/01-gate.json: steps[2].expect: unknown status "ZX_ERR_NOPE"}; {@link #text()} words the
 * same message in any language the model speaks.
 */
public final class LessonException extends Exception implements Localized {
    private final LocatedProblem located;

    public LessonException(String source, String location, String problem) {
        this(source, location, problem, null);
    }

    public LessonException(String source, String location, String problem, Throwable cause) {
        this(source, location.isEmpty() ? null : Text.verbatim(location), Text.verbatim(problem), cause);
    }

    /** {@code location} is null for a problem with the file as a whole. */
    public LessonException(String source, Text location, Text problem, Throwable cause) {
        this(new LocatedProblem(Text.verbatim(source), location, problem), cause);
    }

    private LessonException(LocatedProblem located, Throwable cause) {
        super(located.text().english(), cause);
        this.located = located;
    }

    public String source() {
        return located.source().english();
    }

    /** Where in the lesson: {@code steps[2].action}, or empty for the file as a whole. */
    public String location() {
        return located.locationInEnglish();
    }

    /** What is wrong, in English. */
    public String problem() {
        return located.problem().english();
    }

    /** What is wrong, in any language. */
    public Text problemText() {
        return located.problem();
    }

    /** The whole message, {@code <source>: <location>: <problem>}, in any language. */
    @Override
    public Text text() {
        return located.text();
    }
}
