package memscope.model.lesson;

import memscope.model.text.Text;

/** The lesson loader's and runner's words: keys into {@code memscope/model/lesson/messages*.properties}. */
final class LessonWords {
    static final String BUNDLE = "memscope.model.lesson.messages";

    private LessonWords() {
    }

    static Text of(String key, Object... args) {
        return Text.of(BUNDLE, key, args);
    }
}
