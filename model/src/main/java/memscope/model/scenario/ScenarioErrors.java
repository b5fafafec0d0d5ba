package memscope.model.scenario;

/** Makes {@link ScenarioException}s that name the scenario's source. */
final class ScenarioErrors {
    final String source;

    ScenarioErrors(String source) {
        this.source = source;
    }

    ScenarioException at(Place place, String problem) {
        return new ScenarioException(source, place.toString(), problem);
    }
}
