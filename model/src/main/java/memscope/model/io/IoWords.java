package memscope.model.io;

import memscope.model.text.Text;

/** Words about files a person chose: keys into {@code memscope/model/io/messages*.properties}. */
final class IoWords {
    static final String BUNDLE = "memscope.model.io.messages";

    private IoWords() {
    }

    static Text of(String key, Object... args) {
        return Text.of(BUNDLE, key, args);
    }
}
