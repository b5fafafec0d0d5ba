package memscope.app.associations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import memscope.app.LaunchOptions;
import memscope.app.text.RefusedInputException;
import org.junit.jupiter.api.Test;

/** A bare file name at launch, as the desktop passes the file a user opens: a script, a session or bytes. */
class DesktopFileTest {
    @Test
    void aBareScriptIsLoadedIntoTheConsoleNotHexEdited() {
        LaunchOptions o = LaunchOptions.parse(List.of("answer.msc"));
        assertEquals(Optional.of(Path.of("answer.msc")), o.script());
        assertEquals(Optional.empty(), o.open());
        assertEquals(Optional.of(Path.of("/home/x/ANSWER.MSC")),
                LaunchOptions.parse(List.of("/home/x/ANSWER.MSC")).script());
    }

    @Test
    void aBareSessionIsLoadedAsASession() {
        LaunchOptions o = LaunchOptions.parse(List.of("/tmp/class.memscope"));
        assertEquals(Optional.of(Path.of("/tmp/class.memscope")), o.session());
        assertEquals(Optional.empty(), o.open());
    }

    @Test
    void openStillHexEditsAnyFileAndOtherNamesAreBytes() {
        assertEquals(Optional.of(Path.of("answer.msc")), LaunchOptions.parse(List.of("--open", "answer.msc")).open());
        assertEquals(Optional.of(Path.of("x.memscope.bin")), LaunchOptions.parse(List.of("x.memscope.bin")).open());
        assertEquals(Optional.of(Path.of("msc")), LaunchOptions.parse(List.of("msc")).open());
    }

    @Test
    void aScriptGoesWithADocumentOrAScenario() {
        LaunchOptions o = LaunchOptions.parse(List.of("--scenario", "big.json", "a.msc"));
        assertEquals(Optional.of(Path.of("a.msc")), o.script());
        assertEquals(Optional.of(Path.of("big.json")), o.scenario());
        LaunchOptions s = LaunchOptions.parse(List.of("a.memscope", "a.msc"));
        assertEquals(Optional.of(Path.of("a.memscope")), s.session());
        assertEquals(Optional.of(Path.of("a.msc")), s.script());
    }

    @Test
    void aSessionIsOneDocumentAmongOthers() {
        assertEquals("launch.twoFiles", refused("a.memscope", "b.bin"));
        assertEquals("launch.twoFiles", refused("a.memscope", "b.memscope"));
        assertEquals("launch.twoFiles", refused("a.msc", "b.msc"));
        assertEquals("launch.scenarioAndFile", refused("--scenario", "x.json", "a.memscope"));
        assertEquals("launch.attachAndFile", refused("--attach", "12", "a.memscope"));
    }

    @Test
    void theKindsAreTheInstallersAssociations() throws IOException {
        Set<String> installed;
        try (Stream<Path> files = Files.list(Path.of("src", "packaging", "associations"))) {
            installed = files.map(DesktopFileTest::extension).collect(Collectors.toSet());
        }
        Set<String> known = EnumSet.allOf(DesktopFile.class).stream().flatMap(k -> k.extension().stream())
                .collect(Collectors.toSet());
        assertEquals(installed, known);
        for (String ext : installed) {
            assertEquals(ext, DesktopFile.of(Path.of("f." + ext)).extension().orElseThrow());
        }
    }

    private static String extension(Path properties) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(properties)) {
            p.load(r);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return p.getProperty("extension");
    }

    private static String refused(String... args) {
        return assertThrows(RefusedInputException.class, () -> LaunchOptions.parse(List.of(args))).wording().key();
    }
}
