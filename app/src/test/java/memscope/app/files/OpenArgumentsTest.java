package memscope.app.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import memscope.app.LaunchOptions;
import org.junit.jupiter.api.Test;

/** The command line names the file to edit with {@code --open FILE} or as a bare argument. */
class OpenArgumentsTest {
    @Test
    void openAndABareNameBothNameTheFile() {
        assertEquals(Optional.of(Path.of("a.bin")), LaunchOptions.parse(List.of("--open", "a.bin")).open());
        LaunchOptions bare = LaunchOptions.parse(List.of("b.bin", "--screenshot", "x.png"));
        assertEquals(Optional.of(Path.of("b.bin")), bare.open());
        assertEquals(Optional.of(Path.of("x.png")), bare.screenshot());
        assertEquals(Optional.empty(), LaunchOptions.parse(List.of()).open());
    }

    @Test
    void twoFilesOrAFileAndAScenarioAreRefusedByName() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse(List.of("a", "b")))
                .getMessage().startsWith("only one file can be opened"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> LaunchOptions.parse(List.of("--scenario", "s.json", "a.bin"))).getMessage()
                .startsWith("give either a scenario or a file to open"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse(List.of("--open")))
                .getMessage().contains("needs a file name"));
    }
}
