package memscope.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The gap index against the plain walk it replaced: after any sequence of takes and releases, the highest fit
 * for every length is the one a walk down the children from the top finds.
 */
class GapIndexProperties {
    private static final long BASE = 0x1000;
    private static final int SLOTS = 64;
    private static final long END = BASE + SLOTS;

    /** Take (or, when taken, release) the range of {@code length} slots at {@code at}. */
    record Op(int at, int length) {
    }

    @Provide
    Arbitrary<List<Op>> ops() {
        return Combinators.combine(Arbitraries.integers().between(0, SLOTS - 1), Arbitraries.integers().between(1, 8))
                .as(Op::new).list().ofMaxSize(80);
    }

    @Property(tries = 500)
    void findsWhatAWalkFromTheTopFinds(@ForAll("ops") List<Op> ops) {
        GapIndex index = new GapIndex(BASE, END);
        TreeMap<Long, Long> children = new TreeMap<>();
        for (Op op : ops) {
            long start = BASE + op.at();
            long end = Math.min(END, start + op.length());
            Map.Entry<Long, Long> hit = children.floorEntry(start);
            if (hit != null && hit.getKey() == start) {
                children.remove(start);
                index.release(start, hit.getValue());
            } else if (isFree(children, start, end)) {
                children.put(start, end);
                index.take(start, end);
            }
            for (long length = 1; length <= SLOTS + 1; length++) {
                assertEquals(walk(children, length), index.highestFit(length), "length " + length + " after " + op);
            }
        }
    }

    @Test
    void anEmptyRegionFitsAtItsTopAndNothingLargerThanItself() {
        GapIndex index = new GapIndex(BASE, END);
        assertEquals(END - 10, index.highestFit(10));
        assertEquals(BASE, index.highestFit(SLOTS));
        assertEquals(-1, index.highestFit(SLOTS + 1));
    }

    @Test
    void releasingJoinsTheGapsOnBothSides() {
        GapIndex index = new GapIndex(BASE, END);
        index.take(BASE + 10, BASE + 20);
        index.take(BASE + 20, BASE + 30);
        index.take(BASE + 30, BASE + 40);
        assertEquals(-1, index.highestFit(30));
        index.release(BASE + 20, BASE + 30);
        index.release(BASE + 10, BASE + 20);
        assertEquals(BASE, index.highestFit(30), "0..10, 10..20 and 20..30 are one gap again");
    }

    private static boolean isFree(TreeMap<Long, Long> children, long start, long end) {
        Map.Entry<Long, Long> below = children.floorEntry(end - 1);
        return below == null || below.getValue() <= start;
    }

    /** The walk VmAddressRegion.findFree used to do: from the top down, the first gap that is large enough. */
    private static long walk(TreeMap<Long, Long> children, long length) {
        long top = END;
        for (Map.Entry<Long, Long> child : children.descendingMap().entrySet()) {
            if (top - child.getValue() >= length) {
                return top - length;
            }
            top = child.getKey();
        }
        return top - BASE >= length ? top - length : -1;
    }
}
