package memscope.app.modular;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import memscope.app.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MemScope started as the modules {@code memscope.app} and {@code memscope.model} ({@code java --module-path …
 * -m memscope.app/memscope.app.Main}), as {@code mvn exec:exec} and the app image start it: the command line, the
 * window (headless: Monocle patched into javafx.graphics) without JavaFX's "Unsupported JavaFX configuration"
 * warning, and every resource the modules must still find. The other tests run on the class path.
 */
class ModuleLaunchTest {
    private static final String WARNING = "Unsupported JavaFX configuration";

    @TempDir
    Path dir;

    @Test
    void theCommandLineRunsFromTheModules() throws Exception {
        Run r = run(List.of(), "-m", "memscope.app/memscope.app.Main", "--version");
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.matches("MemScope \\d.*\\R"), r.out);
        assertEquals("", r.err);
    }

    @Test
    void theWindowStartsFromTheModulesWithoutTheJavaFxWarning() throws Exception {
        Path png = dir.resolve("window.png");
        Run r = run(List.of("--patch-module", "javafx.graphics=" + classPathEntry("openjfx-monocle"),
                        "-Dprism.order=sw", "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
                        "-Dheadless.geometry=1600x900-32", "-Djava.awt.headless=true", "-Dmemscope.prefs=memory"),
                "-m", "memscope.app/memscope.app.Main", "--screenshot", png.toString());
        assertEquals(0, r.code, r.err);
        assertFalse(r.err.contains(WARNING), r.err);
        assertFalse(r.err.contains("WARNING"), r.err);
        assertTrue(Files.size(png) > 10_000, "the screenshot is empty");
    }

    @Test
    void everyBundleScenarioAndLessonLoadsFromTheModules() throws Exception {
        Path testClasses = Path.of(ModuleProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Run r = run(List.of("--add-modules", "memscope.app", "--add-exports", "memscope.app/memscope.app=ALL-UNNAMED",
                "-cp", testClasses.toString()), ModuleProbe.class.getName());
        assertEquals(0, r.code, r.out + r.err);
        assertTrue(r.out.contains(" checks, 0 problems"), r.out);
    }

    /** The runtime jars (target/runtime-path.txt, written by the build) and the app's classes. */
    static String modulePath() throws IOException, URISyntaxException {
        Path classes = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path listing = classes.resolveSibling("runtime-path.txt");
        assertTrue(Files.isRegularFile(listing), listing + " is missing: build with mvn, which writes it");
        return classes + File.pathSeparator + Files.readString(listing).strip();
    }

    private static String classPathEntry(String part) {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> e.contains(part)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + part + " on the class path"));
    }

    private record Run(int code, String out, String err) {
    }

    private Run run(List<String> jvm, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.language=en", "-Duser.country=US", "--module-path", modulePath()));
        command.addAll(jvm);
        command.addAll(List.of(args));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().remove("DISPLAY"); // headless, as mvn -B test runs
        Process p = pb.start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(command + " did not end within 180 s");
        }
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }
}
