package memscope.model.lesson;

import java.util.Locale;
import java.util.Optional;

/**
 * Whether a step belongs to the 50-minute class path ({@link #CORE}) or is left for a longer session
 * ({@link #EXTRA}) or for students on their own ({@link #HOMEWORK}). The class path performs the steps it skips,
 * so the kernel's state is the same either way.
 */
public enum StepDepth {
    CORE, EXTRA, HOMEWORK;

    /** The name a lesson file uses: {@code core}, {@code extra}, {@code homework}. */
    public String fileName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<StepDepth> parse(String name) {
        for (StepDepth d : values()) {
            if (d.fileName().equals(name)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
