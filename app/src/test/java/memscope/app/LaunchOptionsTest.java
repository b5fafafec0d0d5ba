package memscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import memscope.app.text.RefusedInputException;
import org.junit.jupiter.api.Test;

class LaunchOptionsTest {
    @Test
    void noArgumentsMeansTheDemoInAWindow() {
        assertEquals(new LaunchOptions(Optional.empty(), Optional.empty()), LaunchOptions.parse(List.of()));
    }

    @Test
    void scenarioAndScreenshotTakeAFileEach() {
        LaunchOptions o = LaunchOptions.parse(List.of("--scenario", "x.json", "--screenshot", "/tmp/a.png"));
        assertEquals(Optional.of(Path.of("x.json")), o.scenario());
        assertEquals(Optional.of(Path.of("/tmp/a.png")), o.screenshot());
    }

    @Test
    void mistakesNameTheProblem() {
        assertEquals("--scenario needs a file name",
                assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse(List.of("--scenario")))
                        .getMessage());
        assertEquals("--screenshot needs a file name", assertThrows(IllegalArgumentException.class,
                () -> LaunchOptions.parse(List.of("--screenshot", "--scenario", "x"))).getMessage());
        assertEquals("unknown argument \"--fast\" (usage: [--scenario FILE] "
                + "[--open FILE | FILE | --load-elf FILE | --core FILE] [--attach PID] [--screenshot FILE.png]; "
                + "memscope --help for the command line)",
                assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse(List.of("--fast")))
                        .getMessage());
    }

    @Test
    void mistakesAreWordedInTheUsersLanguage() {
        RefusedInputException e = assertThrows(RefusedInputException.class,
                () -> LaunchOptions.parse(List.of("--scenario")));
        assertEquals("--scenario 后面需要一个文件名", new Messages(Locale.SIMPLIFIED_CHINESE).describe(e));
        assertEquals("--scenario needs a file name", new Messages(Locale.ENGLISH).describe(e));
    }
}
