package memscope.model.history;

/** Where this package keeps its words. */
final class HistoryWords {
    static final String BUNDLE = "memscope.model.history.messages";

    private HistoryWords() {
    }
}
