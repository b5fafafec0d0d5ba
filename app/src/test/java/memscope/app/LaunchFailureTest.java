package memscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real launcher in a child JVM (headless): a bad scenario with --screenshot exits non-zero with the loader's
 * message on stderr and writes no picture; a good run writes the PNG and exits 0.
 */
class LaunchFailureTest {
    @TempDir
    Path dir;

    private Process launch(String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dprism.order=sw", "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
                "-Dheadless.geometry=1600x900-32", "-Djava.awt.headless=true",
                "-Duser.language=en", "-Duser.country=US", // the words checked, whatever the machine's locale
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile()).start();
    }

    private int finish(Process p) throws InterruptedException {
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the launcher did not exit");
        return p.exitValue();
    }

    @Test
    void aBadScenarioExitsNonZeroNamingTheProblem() throws Exception {
        Path bad = dir.resolve("broken.json");
        Files.writeString(bad, "{ \"format\": 1, \"processes\": [ ", StandardCharsets.UTF_8);
        Path png = dir.resolve("never.png");
        int code = finish(launch("--scenario", bad.toString(), "--screenshot", png.toString()));
        String err = Files.readString(dir.resolve("err.txt"));
        assertEquals(1, code, err);
        assertTrue(err.contains("memscope: " + bad), err);
        assertFalse(Files.exists(png));
    }

    @Test
    void aScreenshotOfTheDemoIsAPng() throws Exception {
        Path png = dir.resolve("window.png");
        int code = finish(launch("--screenshot", png.toString()));
        assertEquals(0, code, Files.readString(dir.resolve("err.txt")));
        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(png), 4);
        assertEquals("\u0089PNG", new String(head, StandardCharsets.ISO_8859_1));
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
        assertEquals(1600, image.getWidth());
    }
}
