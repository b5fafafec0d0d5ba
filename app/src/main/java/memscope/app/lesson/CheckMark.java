package memscope.app.lesson;

import java.util.stream.Collectors;
import memscope.app.Messages;
import memscope.model.lesson.StepOutcome;

/**
 * The words beside a performed step: a check mark with the status seen, or a cross with what was expected and
 * what did not match, all in the current language (made again on every call, so a language switch re-words them).
 */
final class CheckMark {
    static final String PASS = "\u2714";
    static final String FAIL = "\u2718";

    private CheckMark() {
    }

    static String describe(StepOutcome outcome, Messages messages) {
        if (outcome.result() == null) {
            return outcome.passed() ? PASS + " " + messages.get("lesson.check.read")
                    : FAIL + " " + problems(outcome, messages, "; ");
        }
        String observed = outcome.observedStatus();
        String expected = outcome.step().expectStatus();
        if (outcome.passed()) {
            return PASS + " " + messages.get("lesson.check.pass", observed, expected);
        }
        return FAIL + " " + messages.get("lesson.check.fail", observed, expected) + "\n"
                + problems(outcome, messages, "\n");
    }

    private static String problems(StepOutcome outcome, Messages messages, String separator) {
        return outcome.problemTexts().stream().map(messages::render).collect(Collectors.joining(separator));
    }
}
