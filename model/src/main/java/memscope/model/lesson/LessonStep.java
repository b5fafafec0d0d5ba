package memscope.model.lesson;

import java.util.List;
import java.util.Locale;

/**
 * One step of a lesson: what to read, the console command to perform (optional: a step may only explain), and
 * what the kernel should answer. {@code expectActual}, {@code expectData} and {@code expectMemory} are optional
 * further checks. An action step is asked as a question first ({@code text}); its {@code reveal} (the answer and
 * why) is shown only once the step has run, and {@code choices} are the statuses a student may predict from.
 *
 * @param index        0-based position in the lesson
 * @param action       one console command line, or null for an explanation-only step
 * @param expectStatus {@code ZX_OK}, {@code ZX_ERR_ACCESS_DENIED}, {@code KERN_PROTECTION_FAILURE}... (null
 *                     exactly when there is no action)
 * @param expectActual the bytes the call should report as moved
 * @param expectData   the bytes a read or vm_read should return
 * @param expectMemory bytes that should be in memory afterwards, checked without a syscall
 * @param reveal       the answer and its reason, shown after the step ran (null: the text says it all)
 * @param choices      statuses offered as predictions (empty: no choice offered); they include expectStatus
 * @param depth        core (the 50-minute path), extra or homework
 * @param rewind       the step offers "rewind to the start of this step": the timeline shows the kernel as the
 *                     step found it, beside what its action made
 */
public record LessonStep(int index, String text, String textZh, String action, String expectStatus,
                         Long expectActual, byte[] expectData, MemoryExpectation expectMemory,
                         String reveal, String revealZh, List<String> choices, StepDepth depth, boolean rewind) {

    /** A step that offers no rewind. */
    public LessonStep(int index, String text, String textZh, String action, String expectStatus, Long expectActual,
                      byte[] expectData, MemoryExpectation expectMemory, String reveal, String revealZh,
                      List<String> choices, StepDepth depth) {
        this(index, text, textZh, action, expectStatus, expectActual, expectData, expectMemory, reveal, revealZh,
                choices, depth, false);
    }

    /** A step without a reveal, choices or depth (a core step), as format 1 wrote them before. */
    public LessonStep(int index, String text, String textZh, String action, String expectStatus, Long expectActual,
                      byte[] expectData, MemoryExpectation expectMemory) {
        this(index, text, textZh, action, expectStatus, expectActual, expectData, expectMemory, null, null,
                List.of(), StepDepth.CORE);
    }

    /** {@code bytes} at {@code address} in the process named {@code process}. */
    public record MemoryExpectation(String process, long address, byte[] bytes) {
        public MemoryExpectation {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }
    }

    public LessonStep {
        expectData = expectData == null ? null : expectData.clone();
        choices = List.copyOf(choices);
    }

    /** The answer and why, in the language asked for; null when the step has none. */
    public String reveal(Locale locale) {
        return isChinese(locale) ? revealZh : reveal;
    }

    public boolean hasReveal() {
        return reveal != null;
    }

    public boolean isCore() {
        return depth == StepDepth.CORE;
    }

    public boolean hasAction() {
        return action != null;
    }

    @Override
    public byte[] expectData() {
        return expectData == null ? null : expectData.clone();
    }

    /** The explanation in the language asked for: Simplified Chinese for a {@code zh} locale, else English. */
    public String text(Locale locale) {
        return isChinese(locale) ? textZh : text;
    }

    static boolean isChinese(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage());
    }
}
