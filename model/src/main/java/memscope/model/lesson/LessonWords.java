package memscope.model.lesson;

import memscope.model.text.Localized;
import memscope.model.text.Text;

/** The lesson loader's and runner's words: keys into {@code memscope/model/lesson/messages*.properties}. */
final class LessonWords {
    static final String BUNDLE = "memscope.model.lesson.messages";

    private LessonWords() {
    }

    static Text of(String key, Object... args) {
        return Text.of(BUNDLE, key, args);
    }

    /**
     * The words of something another package made (a console parse error, a literal's complaint): its own
     * {@link Text} when it has one, else its {@code english} as it is.
     */
    static Text fromElsewhere(Object said, String english) {
        return said instanceof Localized l ? l.text() : Text.verbatim(english);
    }

    /** A problem at {@code location} (a code-like path such as {@code steps[2].expect}) of lesson {@code source}. */
    static LessonException at(String source, String location, String key, Object... args) {
        return new LessonException(source, location.isEmpty() ? null : Text.verbatim(location), of(key, args), null);
    }
}
