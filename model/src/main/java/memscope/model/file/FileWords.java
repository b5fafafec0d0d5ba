package memscope.model.file;

import memscope.model.text.Text;

/** Words about files and saving: keys into {@code memscope/model/file/messages*.properties}. */
final class FileWords {
    static final String BUNDLE = "memscope.model.file.messages";

    private FileWords() {
    }

    static Text of(String key, Object... args) {
        return Text.of(BUNDLE, key, args);
    }
}
