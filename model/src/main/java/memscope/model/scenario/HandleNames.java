package memscope.model.scenario;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The handle names a scenario declares, with what each one names, so references can be checked before anything
 * is built. Names are unique across processes, root VMARs, VMOs, VMARs and duplicated handles.
 */
final class HandleNames {
    enum Kind {
        PROCESS("process"), VMAR("VMAR"), VMO("VMO");

        final String word;

        Kind(String word) {
            this.word = word;
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
            throw errors.at(place, "handle name \"" + name + "\" is already used by the " + earlier.kind.word
                    + " at " + earlier.place);
        }
        entries.put(name, new Entry(kind, place, process));
    }

    /**
     * The entry {@code name} refers to, which must be of one of the {@code allowed} kinds. {@code who} starts
     * the message ("mapping"), {@code place} is where the reference is written.
     */
    Entry resolve(String who, String name, Place place, Kind first, Kind... more) throws ScenarioException {
        Set<Kind> allowed = EnumSet.of(first, more);
        String wanted = describe(allowed);
        Entry e = entries.get(name);
        if (e == null && declaredAnywhere.containsKey(name)) {
            throw errors.at(place, who + " refers to \"" + name + "\", which is declared only later, at "
                    + declaredAnywhere.get(name).pointer() + "; names must be declared before they are used"
                    + " (sections are read in the order processes, vmos, vmars, mappings, handles)");
        }
        if (e == null) {
            List<String> candidates = new ArrayList<>();
            entries.forEach((n, entry) -> {
                if (allowed.contains(entry.kind)) {
                    candidates.add(n);
                }
            });
            String guess = Spelling.closest(name, candidates);
            throw errors.at(place, who + " refers to unknown " + wanted + " \"" + name + "\""
                    + (guess != null ? "; did you mean \"" + guess + "\"?" : ""));
        }
        if (!allowed.contains(e.kind)) {
            throw errors.at(place, who + " refers to \"" + name + "\", which is a " + e.kind.word + ", not a "
                    + wanted);
        }
        return e;
    }

    private static String describe(Set<Kind> kinds) {
        List<String> words = new ArrayList<>();
        for (Kind k : kinds) {
            words.add(k.word);
        }
        return String.join(" or ", words);
    }
}
