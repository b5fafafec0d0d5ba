package memscope.model.lesson;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import memscope.model.Kernel;
import memscope.model.lesson.LessonStep.MemoryExpectation;
import memscope.model.script.CommandResult;
import memscope.model.script.ConsoleSession;
import memscope.model.script.Hex;
import memscope.model.text.Excerpt;
import memscope.model.text.Text;

/** Compares what a step's command did with what the step expects; each mismatch becomes one sentence. */
final class StepChecker {
    private StepChecker() {
    }

    static StepOutcome check(LessonStep step, CommandResult result, ConsoleSession session) {
        List<Text> problems = new ArrayList<>();
        if (result != null) {
            if (!result.statusName().equals(step.expectStatus())) {
                problems.add(LessonWords.of("check.status", step.expectStatus(), result.statusName()));
            }
            if (step.expectActual() != null && result.actual() != step.expectActual()) {
                problems.add(LessonWords.of("check.actual", step.expectActual(), result.actual()));
            }
            byte[] data = step.expectData();
            if (data != null && !Arrays.equals(data, result.data())) {
                problems.add(LessonWords.of("check.data", Hex.bytes(data, 32), Hex.bytes(result.data(), 32)));
            }
        }
        if (step.expectMemory() != null) {
            memory(step.expectMemory(), session, problems);
        }
        return new StepOutcome(step.index(), step, result, problems);
    }

    /** Reads memory as a debugger would (no syscall, so the log shows only what the learner did). */
    private static void memory(MemoryExpectation m, ConsoleSession session, List<Text> problems) {
        Integer process = session.names().get(m.process());
        if (process == null) {
            problems.add(LessonWords.of("check.noHandle", Excerpt.of(m.process())));
            return;
        }
        Kernel kernel = session.kernel();
        byte[] want = m.bytes();
        byte[] got = new byte[want.length];
        int n = kernel.inspector().peek(process, m.address(), got);
        if (n < want.length || !Arrays.equals(want, got)) {
            Object found = n == 0 ? LessonWords.of("check.noMemory") : Hex.bytes(Arrays.copyOf(got, n), 32);
            problems.add(LessonWords.of("check.memory", Hex.bytes(want, 32), Hex.address(m.address()),
                    Excerpt.of(m.process()),
                    found));
        }
    }
}
