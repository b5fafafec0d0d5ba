package memscope.model.lesson;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import memscope.model.Kernel;

/**
 * A fresh kernel built from a lesson's scenario, with the scenario's handle names and where an inspector should
 * look first. {@link LessonRunner} builds a new one each time it rewinds.
 */
public record LessonWorld(Kernel kernel, Map<String, Integer> handles, String viewProcess, long startAddress) {
    public LessonWorld {
        handles = Collections.unmodifiableMap(new LinkedHashMap<>(handles));
    }
}
