package memscope.model.scenario;

import memscope.model.text.Text;

/** Makes {@link ScenarioException}s that name the scenario's source. */
final class ScenarioErrors {
    final Text source;

    ScenarioErrors(Text source) {
        this.source = source;
    }

    /** A problem at {@code place}, worded by the scenario bundle's {@code key}. */
    ScenarioException at(Place place, String key, Object... args) {
        return at(place, ScenarioWords.of(key, args));
    }

    ScenarioException at(Place place, Text problem) {
        return new ScenarioException(source, place.text(), problem, null);
    }
}
