package memscope.model.lesson;

import java.util.List;
import memscope.model.script.CommandResult;
import memscope.model.text.Text;

/**
 * What happened when a step was performed: the console result (null for an explanation-only step) and whether
 * every expectation held. {@code problemTexts} says, one sentence each in any language, what did not match.
 */
public record StepOutcome(int index, LessonStep step, CommandResult result, List<Text> problemTexts) {
    public StepOutcome {
        problemTexts = List.copyOf(problemTexts);
    }

    /** What did not match, one English line each. */
    public List<String> problems() {
        return problemTexts.stream().map(Text::english).toList();
    }

    /** The check mark: the observed status (and any further expectation) matched. */
    public boolean passed() {
        return problemTexts.isEmpty();
    }

    /** True when the kernel answered the expected status (further expectations may still have failed). */
    public boolean statusMatches() {
        return result == null || result.statusName().equals(step.expectStatus());
    }

    /** The status the kernel answered, e.g. {@code ZX_ERR_ACCESS_DENIED}; empty for an explanation-only step. */
    public String observedStatus() {
        return result == null ? "" : result.statusName();
    }
}
