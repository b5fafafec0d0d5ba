package memscope.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The .deb that {@code mvn -Ppackage -pl app -am package} builds (app/target/installer/), unpacked into a scratch
 * root with {@code dpkg -x} as an install would lay it out: {@code memscope} on the PATH answers {@code --version}
 * and runs a script; the window starts (on Xvfb) with JavaFX from the runtime's modules, so without the
 * class-path warning; the desktop entry, its icon, the file associations and the bash completion are there.
 * Without a built .deb (a plain {@code mvn test}) every test here is skipped, by an explicit assumption.
 */
class DebInstallTest {
    @TempDir
    static Path root;

    private static Path deb;

    @BeforeAll
    static void unpack() throws IOException, InterruptedException {
        Path installer = Path.of("target", "installer");
        Optional<Path> found = Optional.empty();
        if (Files.isDirectory(installer)) {
            try (Stream<Path> files = Files.list(installer)) {
                found = files.filter(f -> f.getFileName().toString().matches("memscope_.*\\.deb")).findFirst();
            }
        }
        assumeTrue(found.isPresent(), "no .deb in app/target/installer: build it with "
                + "mvn -B -Ppackage -pl app -am package -DskipTests");
        deb = found.get();
        Process dpkg = new ProcessBuilder("dpkg", "-x", deb.toString(), root.toString()).inheritIO().start();
        assertEquals(0, dpkg.waitFor(), "dpkg -x " + deb);
    }

    private static Path memscope() {
        return root.resolve("usr/bin/memscope");
    }

    @Test
    void memscopeIsOnThePathAndAnswersVersion() throws IOException {
        assertTrue(Files.isSymbolicLink(memscope()), "usr/bin/memscope links to the launcher");
        assertEquals(root.resolve("opt/memscope/bin/MemScope").toRealPath(), memscope().toRealPath());
        CliRun r = CliRun.exec(List.of(memscope().toString(), "--version"), root);
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().startsWith("MemScope 0.1.0"), r.toString());
    }

    @Test
    void theInstalledCommandRunsAScriptWithoutADisplay() throws IOException {
        Path script = Files.writeString(root.resolve("answer.msc"),
                "boot debugging=on\nwrite app.ro 0x1100000 00 expect ZX_ERR_ACCESS_DENIED\n");
        CliRun r = CliRun.exec(List.of(memscope().toString(), "run", script.toString()), root);
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("ZX_ERR_ACCESS_DENIED \u2014 the handle lacks ZX_RIGHT_WRITE"), r.toString());
        CliRun wrong = CliRun.exec(List.of(memscope().toString(), "run", script.toString(), "--format", "xml"),
                root);
        assertEquals(2, wrong.exitCode(), wrong.toString());
    }

    @Test
    void theInstalledWindowStartsQuietlyWithJavaFxFromTheRuntimesModules() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/xvfb-run")), "no xvfb-run to give the window a display");
        Path home = Files.createDirectories(root.resolve("home"));
        Path shot = root.resolve("window.png");
        CliRun r = CliRun.exec(List.of("/usr/bin/xvfb-run", "-a", memscope().toString(), "--screenshot",
                shot.toString()), root, Map.of("HOME", home.toString(), "JAVA_TOOL_OPTIONS", "-Dprism.order=sw"), 300);
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(Files.size(shot) > 0, "the window was rendered");
        assertFalse(r.err().contains("Unsupported JavaFX configuration"), r.toString());
        assertFalse(Files.exists(home.resolve(".openjfx")), "JavaFX found its natives in the runtime, unpacked none");
    }

    @Test
    void desktopEntryIconAssociationsAndCompletionAreInstalled() throws IOException {
        Path lib = root.resolve("opt/memscope/lib");
        Path desktop;
        try (Stream<Path> files = Files.list(lib)) {
            desktop = files.filter(f -> f.toString().endsWith(".desktop")).findFirst().orElseThrow();
        }
        String entry = Files.readString(desktop);
        assertTrue(entry.contains("Exec=/opt/memscope/bin/MemScope %f"), entry);
        assertTrue(entry.contains("MimeType=text/x-memscope-script;application/x-memscope-session"), entry);
        assertTrue(entry.contains("Icon=/opt/memscope/lib/MemScope.png"), entry);
        assertTrue(Files.size(lib.resolve("MemScope.png")) > 0);
        Path completion = root.resolve("usr/share/bash-completion/completions/memscope");
        assertTrue(Files.readString(completion.toRealPath()).contains("complete -F"), "bash completion");
    }
}
