package memscope.app.elf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import memscope.app.LaunchOptions;
import memscope.app.text.RefusedInputException;
import org.junit.jupiter.api.Test;

/** {@code --load-elf FILE} and {@code --core FILE}: one document at a time, and never beside a scenario. */
class ElfLaunchOptionsTest {
    @Test
    void loadElfAndCoreTakeAFileEach() {
        LaunchOptions elf = LaunchOptions.parse(List.of("--load-elf", "/bin/ls", "--screenshot", "a.png"));
        assertEquals(Optional.of(Path.of("/bin/ls")), elf.loadElf());
        assertEquals(Optional.empty(), elf.core());
        assertEquals(Optional.empty(), elf.open());
        assertEquals(Optional.of(Path.of("a.png")), elf.screenshot());
        LaunchOptions core = LaunchOptions.parse(List.of("--core", "core.123"));
        assertEquals(Optional.of(Path.of("core.123")), core.core());
        assertEquals(Optional.empty(), core.loadElf());
    }

    @Test
    void twoDocumentsOrADocumentAndAScenarioAreRefused() {
        for (List<String> args : List.of(List.of("--load-elf", "a", "--core", "b"), List.of("--core", "a", "b.bin"),
                List.of("--load-elf", "a", "--open", "b"), List.of("--load-elf", "a", "--load-elf", "b"))) {
            assertEquals("only one file can be opened (usage: [--scenario FILE] [--open FILE | FILE | --load-elf FILE"
                    + " | --core FILE] [--attach PID] [--screenshot FILE.png]; memscope --help for the command line)",
                    assertThrows(RefusedInputException.class, () -> LaunchOptions.parse(args))
                    .getMessage(), args.toString());
        }
        assertThrows(RefusedInputException.class,
                () -> LaunchOptions.parse(List.of("--core", "a", "--scenario", "s.json")));
        assertEquals("--load-elf needs a file name", assertThrows(RefusedInputException.class,
                () -> LaunchOptions.parse(List.of("--load-elf"))).getMessage());
    }
}
