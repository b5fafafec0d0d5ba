package memscope.model.text;

/**
 * A problem in a file a person wrote (a scenario, a lesson): which file, where in it (null for the file as a
 * whole) and what is wrong, worded {@code <source>: <location>: <problem>} in any language the model speaks.
 */
public record LocatedProblem(Text source, Text location, Text problem) {
    /** The whole message. */
    public Text text() {
        return location == null ? Text.of(Bundles.COMMON, "problem.file", source, problem)
                : Text.of(Bundles.COMMON, "problem.located", source, location, problem);
    }

    /** Where, in English; empty for the file as a whole. */
    public String locationInEnglish() {
        return location == null ? "" : location.english();
    }
}
