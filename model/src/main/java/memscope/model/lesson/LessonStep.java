package memscope.model.lesson;

import java.util.Locale;

/**
 * One step of a lesson: what to read, the console command to perform (optional: a step may only explain), and
 * what the kernel should answer. {@code expectActual}, {@code expectData} and {@code expectMemory} are optional
 * further checks.
 *
 * @param index        0-based position in the lesson
 * @param action       one console command line, or null for an explanation-only step
 * @param expectStatus {@code ZX_OK}, {@code ZX_ERR_ACCESS_DENIED}, {@code KERN_PROTECTION_FAILURE}... (null
 *                     exactly when there is no action)
 * @param expectActual the bytes the call should report as moved
 * @param expectData   the bytes a read or vm_read should return
 * @param expectMemory bytes that should be in memory afterwards, checked without a syscall
 */
public record LessonStep(int index, String text, String textZh, String action, String expectStatus,
                         Long expectActual, byte[] expectData, MemoryExpectation expectMemory) {

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
