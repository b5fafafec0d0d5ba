package memscope.model;

import memscope.model.text.Text;

/** The kernel's own words for people (Mach error strings, session errors): keys into {@code memscope/model/messages*.properties}. */
final class ModelWords {
    static final String BUNDLE = "memscope.model.messages";

    private ModelWords() {
    }

    static Text of(String key, Object... args) {
        return Text.of(BUNDLE, key, args);
    }
}
