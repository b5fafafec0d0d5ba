package memscope.app.lesson;

import memscope.app.Messages;
import memscope.model.lesson.StepOutcome;

/** The words beside a performed step: a check mark with the status seen, or a cross with what was expected. */
final class CheckMark {
    static final String PASS = "\u2714";
    static final String FAIL = "\u2718";

    private CheckMark() {
    }

    static String describe(StepOutcome outcome, Messages messages) {
        if (outcome.result() == null) {
            return outcome.passed() ? PASS + " " + messages.get("lesson.check.read")
                    : FAIL + " " + String.join("; ", outcome.problems());
        }
        String observed = outcome.observedStatus();
        String expected = outcome.step().expectStatus();
        if (outcome.passed()) {
            return PASS + " " + messages.get("lesson.check.pass", observed, expected);
        }
        return FAIL + " " + messages.get("lesson.check.fail", observed, expected) + "\n"
                + String.join("\n", outcome.problems());
    }
}
