package memscope.app.hex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ChangedRangesTest {
    @Test
    void removingSplitsTrimsAndDropsRanges() {
        ChangedRanges r = new ChangedRanges();
        r.add(10, 20);  // [10,30)
        r.add(40, 10);  // [40,50)
        r.add(60, 5);   // [60,65)
        r.remove(15, 5);   // splits the first: [10,15) [20,30)
        r.remove(45, 20);  // trims the second to [40,45), drops the third
        assertEquals(3, r.rangeCount());
        assertTrue(r.contains(14));
        assertFalse(r.contains(15));
        assertFalse(r.contains(19));
        assertTrue(r.contains(20));
        assertTrue(r.contains(44));
        assertFalse(r.contains(45));
        assertFalse(r.contains(60));
        r.remove(10, 5);   // the whole of [10,15), from its start
        assertFalse(r.contains(10));
        assertEquals(2, r.rangeCount());
    }

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
