package memscope.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The sparse page store against a flat array: random writes, reads, shrinks and tail zeroing, over block
 * boundaries, with a zero source and with a source whose pages have recognisable contents.
 */
class PageStoreProperties {
    private static final int PAGE = Kernel.PAGE_SIZE;
    private static final int PAGES = 70;
    private static final int SIZE = PAGES * PAGE;

    /** Page {@code i} of this source holds bytes {@code i + 1}, {@code i + 2}, ... so misplaced pages show. */
    private static final PageSource NUMBERED = (index, page) -> {
        for (int i = 0; i < page.length; i++) {
            page[i] = (byte) (index + 1 + i);
        }
    };

    enum Kind { WRITE, READ, DISCARD, ZERO_TAIL }

    record Op(Kind kind, int offset, int length, int seed) {
    }

    @Provide
    Arbitrary<List<Op>> ops() {
        // offsets cluster near page and block edges, where the store changes how it copies
        Arbitrary<Integer> offsets = Arbitraries.oneOf(Arbitraries.integers().between(0, SIZE - 1),
                Combinators.combine(Arbitraries.integers().between(1, PAGES - 1),
                        Arbitraries.integers().between(-3, 3)).as((p, d) -> p * PAGE + d));
        return Combinators.combine(Arbitraries.of(Kind.class), offsets,
                        Arbitraries.integers().between(1, 20 * PAGE), Arbitraries.integers())
                .as(Op::new).list().ofMinSize(1).ofMaxSize(30);
    }

    @Property(tries = 300)
    void behavesLikeAFlatArrayWithTheZeroSource(@ForAll("ops") List<Op> ops) {
        check(PageSource.ZERO, ops);
    }

    @Property(tries = 300)
    void behavesLikeAFlatArrayWithANumberedSource(@ForAll("ops") List<Op> ops) {
        check(NUMBERED, ops);
    }

    private static void check(PageSource source, List<Op> ops) {
        PageStore store = new PageStore(source);
        byte[] model = original(source, 0, PAGES);
        TreeSet<Long> committed = new TreeSet<>();
        for (Op op : ops) {
            int length = Math.min(op.length(), SIZE - op.offset());
            switch (op.kind()) {
                case WRITE -> {
                    byte[] data = new byte[length];
                    new java.util.Random(op.seed()).nextBytes(data);
                    store.write(op.offset(), data, 0, length);
                    System.arraycopy(data, 0, model, op.offset(), length);
                    for (long p = op.offset() / PAGE; p <= (op.offset() + length - 1) / PAGE; p++) {
                        committed.add(p);
                    }
                }
                case READ -> {
                    byte[] out = new byte[length + 2];
                    store.read(op.offset(), out, 1, length);
                    assertArrayEquals(Arrays.copyOfRange(model, op.offset(), op.offset() + length),
                            Arrays.copyOfRange(out, 1, length + 1), "read " + op);
                    assertEquals(0, out[0] | out[length + 1], "read outside its range");
                }
                case DISCARD -> {
                    long from = op.offset() / PAGE;
                    store.discardFrom(from);
                    // forgotten pages read from the source again
                    byte[] fresh = original(source, from, PAGES - from);
                    System.arraycopy(fresh, 0, model, (int) from * PAGE, fresh.length);
                    committed.tailSet(from, true).clear();
                }
                case ZERO_TAIL -> {
                    store.zeroTail(op.offset());
                    long page = op.offset() / PAGE;
                    if (committed.contains(page)) {
                        Arrays.fill(model, op.offset(), (int) (page + 1) * PAGE, (byte) 0);
                    }
                }
                default -> throw new AssertionError(op);
            }
            assertEquals(committed.size(), store.committedPages(), "committed pages after " + op);
        }
        byte[] all = new byte[SIZE];
        store.read(0, all, 0, SIZE);
        assertArrayEquals(model, all);
        List<Long> reported = new ArrayList<>();
        store.forEachCommitted(reported::add);
        reported.sort(null);
        assertEquals(new ArrayList<>(committed), reported);
    }

    private static byte[] original(PageSource source, long firstPage, long pages) {
        byte[] out = new byte[(int) pages * PAGE];
        byte[] page = new byte[PAGE];
        for (int i = 0; i < pages; i++) {
            source.readPage(firstPage + i, page);
            System.arraycopy(page, 0, out, i * PAGE, PAGE);
        }
        return out;
    }

    @Test
    void aSmallWriteCommitsOnlyItsPage() {
        PageStore store = new PageStore(PageSource.ZERO);
        store.write(5, new byte[] {1}, 0, 1);
        List<Long> pages = new ArrayList<>();
        store.forEachCommitted(pages::add);
        assertEquals(List.of(0L), pages);
        assertEquals(1, store.committedPages());
    }

    @Test
    void pagesFarApartDoNotCollide() {
        PageStore store = new PageStore(PageSource.ZERO);
        long[] offsets = new long[200];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = (long) i << 36; // 64 GiB apart
            store.write(offsets[i], new byte[] {(byte) (i + 1)}, 0, 1);
        }
        for (int i = 0; i < offsets.length; i++) {
            byte[] b = new byte[1];
            store.read(offsets[i], b, 0, 1);
            assertEquals((byte) (i + 1), b[0]);
        }
        assertEquals(200, store.committedPages());
    }
}
