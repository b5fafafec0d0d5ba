package memscope.app.hex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ChangedRangesTest {
    @Test
    void overlappingAndTouchingMarksMerge() {
        ChangedRanges r = new ChangedRanges();
        r.add(10, 5);   // [10,15)
        r.add(20, 5);   // [20,25)
        r.add(15, 5);   // touches both
        assertEquals(1, r.rangeCount());
        assertTrue(r.contains(10));
        assertTrue(r.contains(24));
        assertFalse(r.contains(25));
        assertFalse(r.contains(9));
    }

    @Test
    void separateMarksStaySeparateAndClearForgetsAll() {
        ChangedRanges r = new ChangedRanges();
        r.add(100, 1);
        r.add(102, 1);
        r.add(50, 0);
        assertEquals(2, r.rangeCount());
        assertFalse(r.contains(101));
        assertFalse(r.contains(50));
        r.clear();
        assertTrue(r.isEmpty());
    }

    @Test
    void markReachingTheTopOfTheAddressSpaceDoesNotWrap() {
        ChangedRanges r = new ChangedRanges();
        r.add(Long.MAX_VALUE - 4, 100);
        assertTrue(r.contains(Long.MAX_VALUE - 1));
        assertFalse(r.contains(0));
    }
}
