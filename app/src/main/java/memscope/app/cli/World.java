package memscope.app.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import memscope.model.Kernel;

/**
 * The kernel a command works on and the handle names a script may use, with whatever stays open behind it (a
 * core's or an ELF's file, an attached process), closed at the end.
 */
final class World implements AutoCloseable {
    private final Kernel kernel;
    private final Map<String, Integer> names;
    private final List<AutoCloseable> open = new ArrayList<>();

    World(Kernel kernel, Map<String, Integer> names) {
        this.kernel = kernel;
        this.names = new LinkedHashMap<>(names);
    }

    Kernel kernel() {
        return kernel;
    }

    Map<String, Integer> names() {
        return Collections.unmodifiableMap(names);
    }

    /** Binds {@code name} to a process and {@code name.root} to its root VMAR. */
    void bindProcess(String name, int process, int rootVmar) {
        names.put(name, process);
        names.put(name + ".root", rootVmar);
    }

    void keepOpen(AutoCloseable resource) {
        open.add(resource);
    }

    @Override
    public void close() {
        for (AutoCloseable c : open) {
            try {
                c.close();
            } catch (Exception e) {
                // the command's output is complete; a file that will not close changes nothing in it
            }
        }
    }
}
