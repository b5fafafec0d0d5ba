package memscope.model.script;

import memscope.model.text.Text;

/** The console's words (parse errors, replies): keys into {@code memscope/model/script/messages*.properties}. */
final class ConsoleWords {
    static final String BUNDLE = "memscope.model.script.messages";

    private ConsoleWords() {
    }

    static Text of(String key, Object... args) {
        return Text.of(BUNDLE, key, args);
    }
}
