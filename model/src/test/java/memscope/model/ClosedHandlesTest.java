package memscope.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/** Closed handle values stay unusable and cost about 4 bytes each, however they arrive. */
class ClosedHandlesTest {
    @Test
    void valuesInAnyOrderAreKeptOnceAndSorted() {
        ClosedHandles store = new ClosedHandles();
        TreeSet<Integer> expected = new TreeSet<>();
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 50_000; i++) {
            int value = (random.nextInt(1 << 16) << 2) | 3; // small range: many repeats
            store.add(value);
            expected.add(value);
        }
        store.add(-1); // negative values sort first, as the session writer sorts them
        expected.add(-1);
        assertEquals(expected.size(), store.size());
        assertArrayEquals(expected.stream().mapToInt(Integer::intValue).toArray(), store.toSortedArray());
        for (int v = -8; v < 1 << 18; v++) {
            assertEquals(expected.contains(v), store.contains(v), "value " + v);
        }
    }

    @Test
    void aMillionRandomValuesTakeAtMostEightBytesEach() {
        ClosedHandles store = new ClosedHandles();
        SplittableRandom random = new SplittableRandom(11);
        int[] added = new int[1_000_000];
        for (int i = 0; i < added.length; i++) {
            added[i] = (random.nextInt(1 << 29) << 2) | 3;
            store.add(added[i]);
        }
        for (int v : added) {
            assertTrue(store.contains(v));
        }
        assertFalse(store.contains(0x1234));
        // a HashSet<Integer> spends about 50 bytes a value; the sorted array 4, plus room to grow
        assertTrue(store.footprintBytes() <= 8L * store.size(), store.footprintBytes() + " bytes");
    }

    @Test
    void ascendingValuesFillAReservedArrayExactly() {
        ClosedHandles store = new ClosedHandles();
        store.reserve(100_000);
        for (int i = 0; i < 100_000; i++) {
            store.add((i << 2) | 3);
        }
        assertEquals(100_000, store.size());
        assertEquals(4L * (100_000 + 256), store.footprintBytes());
    }

    @Test
    void theHandleTableNeverReissuesAClosedValue() {
        HandleTable table = new HandleTable();
        ProcessObject p = new ProcessObject(1025, "p");
        java.util.Set<Integer> closed = new java.util.HashSet<>();
        for (int i = 0; i < 2000; i++) {
            Handle h = table.add(p, Rights.DEFAULT_PROCESS);
            assertFalse(closed.contains(h.value()));
            table.remove(h.value());
            closed.add(h.value());
        }
        assertEquals(2000, table.closed().size());
        for (int v : closed) {
            assertFalse(table.restore(v, p, Rights.DEFAULT_PROCESS), "closed value restored");
        }
    }
}
