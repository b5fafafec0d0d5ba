package memscope.model.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
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
 * @param titleZh      the title in Simplified Chinese ({@code title} when the file gives none)
 * @param descriptionZh the description in Simplified Chinese ({@code description} when the file gives none)
 */
public record LoadedScenario(String title, String description, Kernel kernel, Map<String, Integer> handles,
                             String viewProcess, String editorHandle, long startAddress, String titleZh,
                             String descriptionZh) {
    public LoadedScenario {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(kernel, "kernel");
        description = description == null ? "" : description;
        titleZh = titleZh == null ? title : titleZh;
        descriptionZh = descriptionZh == null ? description : descriptionZh;
        handles = Collections.unmodifiableMap(new LinkedHashMap<>(handles));
    }

    /** A scenario whose words are the same in every language (a file's name, say). */
    public LoadedScenario(String title, String description, Kernel kernel, Map<String, Integer> handles,
                          String viewProcess, String editorHandle, long startAddress) {
        this(title, description, kernel, handles, viewProcess, editorHandle, startAddress, title, description);
    }

    /** The title in {@code locale}'s language: Chinese for any {@code zh} locale, else English. */
    public String title(Locale locale) {
        return isChinese(locale) ? titleZh : title;
    }

    public String description(Locale locale) {
        return isChinese(locale) ? descriptionZh : description;
    }

    private static boolean isChinese(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage());
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
