package memscope.model.text;

/**
 * A problem in a file a person wrote (a scenario, a lesson): which file, where in it (null for the file as a
 * whole) and what is wrong. {@link #getMessage()} is {@code <source>: <location>: <problem>} in English;
 * {@link #text()} words it in any language the model speaks.
 */
public abstract class LocatedException extends Exception implements Localized {
    private static final long serialVersionUID = 1L;

    private final transient Text source;
    private final transient Text location;
    private final transient Text problem;

    protected LocatedException(Text source, Text location, Text problem, Throwable cause) {
        super(whole(source, location, problem).english(), cause);
        this.source = source;
        this.location = location;
        this.problem = problem;
    }

    /** The file or resource name. */
    public String source() {
        return source.english();
    }

    /** Where in the file, in English; empty for the file as a whole. */
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

    private static Text whole(Text source, Text location, Text problem) {
        return location == null ? Text.of(Bundles.COMMON, "problem.file", source, problem)
                : Text.of(Bundles.COMMON, "problem.located", source, location, problem);
    }
}
