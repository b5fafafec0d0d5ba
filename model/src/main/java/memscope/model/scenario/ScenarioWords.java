package memscope.model.scenario;

import memscope.model.text.Text;

/** The scenario loader's words for people: keys into {@code memscope/model/scenario/messages*.properties}. */
final class ScenarioWords {
    static final String BUNDLE = "memscope.model.scenario.messages";

    private ScenarioWords() {
    }

    static Text of(String key, Object... args) {
        return Text.of(BUNDLE, key, args);
    }
}
