package memscope.app.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OriginalBytesTest {
    /** Memory as an array based at 100. */
    private static ArrayByteSource memory(byte[] bytes) {
        boolean[] readable = new boolean[bytes.length];
        java.util.Arrays.fill(readable, true);
        return new ArrayByteSource(100, bytes, readable);
    }

    @Test
    void reportsTheRunsBackToTheirFirstRememberedValue() {
        byte[] now = {1, 2, 3, 4, 5, 6};
        OriginalBytes o = new OriginalBytes();
        o.remember(101, new byte[] {2, 9, 4});  // 101..103 held 2 9 4 before the first edit
        o.remember(102, new byte[] {7, 7, 5});  // a later edit: 102, 103 keep their first value; 104 is new
        List<String> restored = new ArrayList<>();
        o.compare(100, 6, memory(now), (a, n) -> restored.add(a + "+" + n));
        // 101 (2) and 103..104 (4 5) are as they were, reported per remembered segment; 102 holds 3, not 9
        assertEquals(List.of("101+1", "103+1", "104+1"), restored);
    }

    @Test
    void forgettingMakesNothingOriginal() {
        OriginalBytes o = new OriginalBytes();
        o.remember(100, new byte[] {1});
        o.forget();
        List<String> restored = new ArrayList<>();
        o.compare(100, 1, memory(new byte[] {1}), (a, n) -> restored.add(a + "+" + n));
        assertEquals(List.of(), restored);
    }
}
