package memscope.app.edit;

import java.util.Locale;

import memscope.app.Messages;

/** The app bundle's English wording, for the messages of exceptions (logs and tests read them as before). */
final class EnglishWords {
    private EnglishWords() {
    }

    /** A fresh {@link Messages} each time: exceptions are also made on worker threads. */
    static String get(String key, Object... args) {
        return new Messages(Locale.ENGLISH).get(key, args);
    }
}
