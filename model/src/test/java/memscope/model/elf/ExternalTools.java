package memscope.model.elf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/** Runs binutils and gdb when they are installed; a test that needs one is skipped where it is missing. */
public final class ExternalTools {
    record Run(int exit, String output) {
    }

    private ExternalTools() {
    }

    public static boolean installed(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (java.nio.file.Files.isExecutable(java.nio.file.Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /** Runs {@code command}, skipping the test when its tool is not installed. */
    static Run run(String... command) throws IOException, InterruptedException {
        Assumptions.assumeTrue(installed(command[0]), command[0] + " is installed");
        Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(command[0] + " did not finish");
        }
        return new Run(p.exitValue(), out);
    }
}
