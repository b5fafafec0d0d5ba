package memscope.model.scenario;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import memscope.model.text.Excerpt;
import memscope.model.text.Text;

/**
 * The handle names a scenario declares, with what each one names, so references can be checked before anything
 * is built. Names are unique across processes, root VMARs, VMOs, VMARs and duplicated handles.
 */
final class HandleNames {
    enum Kind {
        PROCESS("handleKind.process"), VMAR("handleKind.vmar"), VMO("handleKind.vmo");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        /** "process", "VMAR", "VMO" */
        Text word() {
            return ScenarioWords.of(key);
        }
    }

    /** {@code process} is the handle name of the process the object belongs to (null for VMOs). */
    record Entry(Kind kind, Place place, String process) {
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    /** Every name the file declares anywhere, so a reference to one declared too late can say so. */
    private final Map<String, Place> declaredAnywhere = new LinkedHashMap<>();
    private final ScenarioErrors errors;

    HandleNames(ScenarioErrors errors) {
        this.errors = errors;
    }

    /** Notes that {@code name} is declared at {@code place}, before the declarations are read in order. */
    void foresee(String name, Place place) {
        declaredAnywhere.putIfAbsent(name, place);
    }

    void declare(String name, Kind kind, Place place, String process) throws ScenarioException {
        Entry earlier = entries.get(name);
        if (earlier != null) {
            throw errors.at(place, "names.taken", Excerpt.of(name), earlier.kind.word(), earlier.place.text());
        }
        entries.put(name, new Entry(kind, place, process));
    }

    /**
     * The entry {@code name} refers to, which must be of one of the {@code allowed} kinds. {@code who} starts
     * the message ("mapping"), {@code place} is where the reference is written.
     */
    Entry resolve(Text who, String name, Place place, Kind first, Kind... more) throws ScenarioException {
        Set<Kind> allowed = EnumSet.of(first, more);
        Text wanted = describe(allowed);
        Entry e = entries.get(name);
        if (e == null && declaredAnywhere.containsKey(name)) {
            throw errors.at(place, "names.later", who, Excerpt.of(name), declaredAnywhere.get(name).pointer());
        }
        if (e == null) {
            List<String> candidates = new ArrayList<>();
            entries.forEach((n, entry) -> {
                if (allowed.contains(entry.kind)) {
                    candidates.add(n);
                }
            });
            String guess = Spelling.closest(name, candidates);
            throw guess != null ? errors.at(place, "names.unknownGuess", who, wanted, Excerpt.of(name),
                    Excerpt.of(guess))
                    : errors.at(place, "names.unknown", who, wanted, Excerpt.of(name));
        }
        if (!allowed.contains(e.kind)) {
            throw errors.at(place, "names.wrongKind", who, Excerpt.of(name), e.kind.word(), wanted);
        }
        return e;
    }

    /** "process", "process or VMAR", "process or VMAR or VMO". */
    private static Text describe(Set<Kind> kinds) {
        List<Text> words = new ArrayList<>();
        for (Kind k : kinds) {
            words.add(k.word());
        }
        switch (words.size()) {
            case 1: return words.get(0);
            case 2: return ScenarioWords.of("kinds.two", words.get(0), words.get(1));
            case 3: return ScenarioWords.of("kinds.three", words.get(0), words.get(1), words.get(2));
            default: throw new IllegalArgumentException("no words for " + kinds);
        }
    }
}
