package memscope.model.scenario;

import memscope.model.text.LocatedProblem;
import memscope.model.text.Localized;
import memscope.model.text.Text;

/**
 * A scenario that cannot be loaded. The message reads {@code "<source>: <location>: <problem>"}, for example
 * {@code demo.json: /vmos/2/size (line 14, column 15): size "12Q" is not a number or a size like 16K}; the
 * location is left out when the problem concerns the whole file (it does not exist, say). {@link #text()} words
 * the same message in any language the model speaks; {@link #getMessage()} is its English.
 */
public final class ScenarioException extends Exception implements Localized {
    private static final long serialVersionUID = 1L;

    private final LocatedProblem located;

    public ScenarioException(String source, String location, String problem) {
        this(source, location, problem, null);
    }

    public ScenarioException(String source, String location, String problem, Throwable cause) {
        this(source, location == null || location.isEmpty() ? null : Text.verbatim(location), Text.verbatim(problem),
                cause);
    }

    /** {@code location} is null for a problem with the whole file. */
    public ScenarioException(String source, Text location, Text problem, Throwable cause) {
        this(Text.verbatim(source), location, problem, cause);
    }

    /** For a source that is itself words, such as "a lesson's inline scenario". */
    public ScenarioException(Text source, Text location, Text problem, Throwable cause) {
        this(new LocatedProblem(source, location, problem), cause);
    }

    private ScenarioException(LocatedProblem located, Throwable cause) {
        super(located.text().english(), cause);
        this.located = located;
    }

    /** The file or resource name the scenario came from. */
    public String source() {
        return located.source().english();
    }

    /** Where in the file: a JSON pointer, with line and column when known; empty for whole-file problems. */
    public String location() {
        return located.locationInEnglish();
    }

    /** What is wrong, in English words. */
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
