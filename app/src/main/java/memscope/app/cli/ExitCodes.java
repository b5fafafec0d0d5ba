package memscope.app.cli;

/** What {@code memscope}'s exit code means; the README's "Command line" lists the same. */
final class ExitCodes {
    /** Everything ran, and every expectation held. */
    static final int OK = 0;
    /** A result differs from the script's {@code expect}, or a lesson has a problem. */
    static final int UNMET = 1;
    /** The script does not parse, or the command line itself is wrong. */
    static final int NOT_UNDERSTOOD = 2;
    /** An input cannot be used: missing, not a regular file (a pipe), unreadable, malformed, not attachable. */
    static final int BAD_INPUT = 3;

    private ExitCodes() {
    }
}
