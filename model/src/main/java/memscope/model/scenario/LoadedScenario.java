package memscope.model.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import memscope.model.Kernel;

/**
 * A scenario fully built inside its own freshly booted kernel.
 *
 * @param handles      scenario handle names ("app", "code", "app.ro", "app.root") to handle values, in the order
 *                     the loader created them; unmodifiable
 * @param viewProcess  handle name of the process the inspector shows first
 * @param editorHandle handle name (a process) that edits go through at start
 * @param startAddress where the hex view starts
 */
public record LoadedScenario(String title, String description, Kernel kernel, Map<String, Integer> handles,
                             String viewProcess, String editorHandle, long startAddress) {
    public LoadedScenario {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(kernel, "kernel");
        description = description == null ? "" : description;
        handles = Collections.unmodifiableMap(new LinkedHashMap<>(handles));
    }

    /** The handle value behind a scenario handle name. */
    public int handle(String name) {
        Integer value = handles.get(name);
        if (value == null) {
            throw new IllegalArgumentException("no handle named \"" + name + "\" in scenario \"" + title + "\"");
        }
        return value;
    }
}
