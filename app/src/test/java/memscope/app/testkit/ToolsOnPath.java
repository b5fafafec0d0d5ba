package memscope.app.testkit;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether an outside tool (gdb's gcore, readelf, python3) is installed; a test that needs one skips without it. */
public final class ToolsOnPath {
    private ToolsOnPath() {
    }

    public static boolean installed(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }
}
