package memscope.model.scenario;

import memscope.model.text.LocatedException;
import memscope.model.text.Text;

/**
 * A scenario that cannot be loaded. The message reads {@code "<source>: <location>: <problem>"}, for example
 * {@code demo.json: /vmos/2/size (line 14, column 15): size "12Q" is not a number or a size like 16K}; the
 * location is left out when the problem concerns the whole file (it does not exist, say). {@link #text()} words
 * the same message in any language the model speaks; {@link #getMessage()} is its English.
 */
public final class ScenarioException extends LocatedException {
    private static final long serialVersionUID = 1L;

    /** {@code location} is null for a problem with the whole file. */
    public ScenarioException(String source, Text location, Text problem, Throwable cause) {
        this(Text.verbatim(source), location, problem, cause);
    }

    /** For a source that is itself words, such as "a lesson's inline scenario". */
    public ScenarioException(Text source, Text location, Text problem, Throwable cause) {
        super(source, location, problem, cause);
    }
}
