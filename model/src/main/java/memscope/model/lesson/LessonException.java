package memscope.model.lesson;

import memscope.model.text.LocatedException;
import memscope.model.text.Text;

/**
 * A lesson that cannot be loaded or started ({@link #location()}: {@code steps[2].action}, or empty for the file
 * as a whole). {@link #getMessage()} reads {@code <source>: <location>: <problem>},
 * e.g. {@code lessons/01-gate.json: steps[2].expect: unknown status "ZX_ERR_NOPE"}; {@link #text()} words the
 * same message in any language the model speaks.
 */
public final class LessonException extends LocatedException {
    private static final long serialVersionUID = 1L;

    /** {@code location} is null for a problem with the file as a whole. */
    public LessonException(String source, Text location, Text problem, Throwable cause) {
        super(Text.verbatim(source), location, problem, cause);
    }
}
