package memscope.model.lesson;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import memscope.model.Kernel;
import memscope.model.lesson.LessonStep.MemoryExpectation;
import memscope.model.script.CommandResult;
import memscope.model.script.ConsoleSession;
import memscope.model.script.Hex;

/** Compares what a step's command did with what the step expects; each mismatch becomes one sentence. */
final class StepChecker {
    private StepChecker() {
    }

    static StepOutcome check(LessonStep step, CommandResult result, ConsoleSession session) {
        List<String> problems = new ArrayList<>();
        if (result != null) {
            if (!result.statusName().equals(step.expectStatus())) {
                problems.add("expected " + step.expectStatus() + ", observed " + result.statusName());
            }
            if (step.expectActual() != null && result.actual() != step.expectActual()) {
                problems.add("expected actual=" + step.expectActual() + ", observed actual=" + result.actual());
            }
            byte[] data = step.expectData();
            if (data != null && !Arrays.equals(data, result.data())) {
                problems.add("expected data " + Hex.bytes(data, 32) + ", observed " + Hex.bytes(result.data(), 32));
            }
        }
        if (step.expectMemory() != null) {
            memory(step.expectMemory(), session, problems);
        }
        return new StepOutcome(step.index(), step, result, problems);
    }

    /** Reads memory as a debugger would (no syscall, so the log shows only what the learner did). */
    private static void memory(MemoryExpectation m, ConsoleSession session, List<String> problems) {
        Integer process = session.names().get(m.process());
        if (process == null) {
            problems.add("expect_memory names no handle \"" + m.process() + "\"");
            return;
        }
        Kernel kernel = session.kernel();
        byte[] want = m.bytes();
        byte[] got = new byte[want.length];
        int n = kernel.inspector().peek(process, m.address(), got);
        if (n < want.length || !Arrays.equals(want, got)) {
            problems.add("expected " + Hex.bytes(want, 32) + " at " + Hex.address(m.address()) + " in "
                    + m.process() + ", found " + (n == 0 ? "no memory" : Hex.bytes(Arrays.copyOf(got, n), 32)));
        }
    }
}
