package memscope.model.fuzz;

import java.util.Locale;

import memscope.model.text.Localized;

/** What every refusal of a reader must be: its own checked exception, with a message a person can read. */
final class Refusals {
    /** A message longer than this is a dump of the input, not a description of the problem. */
    static final int MAX_MESSAGE = 2_000;

    private Refusals() {
    }

    /** Fails when {@code e} has no message, or a message (in English or Chinese) of {@link #MAX_MESSAGE} or more. */
    static void wellWorded(Exception e) {
        String english = e.getMessage();
        if (english == null || english.isBlank()) {
            throw new AssertionError("refused without a message", shortened(e));
        }
        bounded("message", english, e);
        if (e instanceof Localized l) {
            bounded("Chinese message", l.text().in(Locale.SIMPLIFIED_CHINESE), e);
        }
    }

    static void bounded(String what, String text, Throwable cause) {
        if (text.length() >= MAX_MESSAGE) {
            throw new AssertionError(what + " of " + text.length() + " characters: "
                    + text.substring(0, 300) + "…", cause == null ? null : shortened(cause));
        }
    }

    /** The cause with its stack but not its (huge) message, which would swamp the test report. */
    private static Throwable shortened(Throwable cause) {
        String m = String.valueOf(cause.getMessage());
        Throwable t = new Throwable(cause.getClass().getName() + ": " + m.substring(0, Math.min(300, m.length()))
                + (m.length() > 300 ? "…" : ""));
        t.setStackTrace(cause.getStackTrace());
        return t;
    }
}
