package memscope.app.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalInt;
import memscope.app.LaunchOptions;
import memscope.model.linux.LinuxProcessInfo;
import org.junit.jupiter.api.Test;

/** {@code --attach PID} on the command line, and the picker's filter. */
class AttachArgumentsTest {
    @Test
    void attachTakesAPositiveProcessId() {
        assertEquals(OptionalInt.of(4242), LaunchOptions.parse(List.of("--attach", "4242")).attach());
        assertEquals(OptionalInt.empty(), LaunchOptions.parse(List.of()).attach());
        assertEquals("--attach needs a process ID (a positive number), not \"sleep\"",
                assertThrows(IllegalArgumentException.class,
                        () -> LaunchOptions.parse(List.of("--attach", "sleep"))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse(List.of("--attach", "0")));
        assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse(List.of("--attach")));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> LaunchOptions.parse(List.of("--attach", "1", "a.bin"))).getMessage()
                .startsWith("give either a process to attach to"));
    }

    @Test
    void theFilterMatchesPidNameOrCommandLineIgnoringCase() {
        LinuxProcessInfo sleep = new LinuxProcessInfo(4242, "sleep", "/tmp/x/sleep 120", 1 << 20, 0);
        assertTrue(ProcessPicker.matching("").test(sleep));
        assertTrue(ProcessPicker.matching("424").test(sleep));
        assertTrue(ProcessPicker.matching("SLE").test(sleep));
        assertTrue(ProcessPicker.matching("/tmp/x").test(sleep));
        assertFalse(ProcessPicker.matching("java").test(sleep));
    }
}
