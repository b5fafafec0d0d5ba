package memscope.model.scenario;

/**
 * A scenario that cannot be loaded. The message reads {@code "<source>: <location>: <problem>"}, for example
 * {@code demo.json: /vmos/2/size (line 14, column 15): size "12Q" is not a number or a size like 16K}; the
 * location is left out when the problem concerns the whole file (it does not exist, say).
 */
public final class ScenarioException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final String location;
    private final String problem;

    public ScenarioException(String source, String location, String problem) {
        this(source, location, problem, null);
    }

    public ScenarioException(String source, String location, String problem, Throwable cause) {
        super(format(source, location, problem), cause);
        this.source = source;
        this.location = location == null ? "" : location;
        this.problem = problem;
    }

    /** The file or resource name the scenario came from. */
    public String source() {
        return source;
    }

    /** Where in the file: a JSON pointer, with line and column when known; empty for whole-file problems. */
    public String location() {
        return location;
    }

    /** What is wrong, in words. */
    public String problem() {
        return problem;
    }

    private static String format(String source, String location, String problem) {
        return location == null || location.isEmpty() ? source + ": " + problem
                : source + ": " + location + ": " + problem;
    }
}
