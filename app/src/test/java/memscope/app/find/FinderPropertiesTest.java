package memscope.app.find;

import memscope.app.edit.ArrayByteSource;
import memscope.app.edit.ByteRange;
import memscope.app.edit.HexParseException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The chunked search agrees with a naive scan, forwards and backwards, whatever the chunk size and gaps. */
class FinderPropertiesTest {
    private static final long BASE = 0x7ffd_0000_0000L;

    @Provide
    Arbitrary<byte[]> data() {
        return Arbitraries.bytes().between((byte) 0, (byte) 2).array(byte[].class).ofMaxSize(80);
    }

    /** Pattern bytes 0..2, or -1 for a {@code ??} wildcard. */
    @Provide
    Arbitrary<int[]> pattern() {
        return Arbitraries.integers().between(-1, 2).array(int[].class).ofMinSize(1).ofMaxSize(5)
                .filter(p -> p[0] != -1 || p.length > 1);
    }

    static SearchPattern toPattern(int[] p) throws HexParseException {
        StringBuilder s = new StringBuilder();
        for (int b : p) {
            s.append(b < 0 ? "?? " : String.format("0x%02x, ", b));
        }
        return SearchPattern.hex(s.toString());
    }

    static ArrayByteSource reader(byte[] data, long gapSeed) {
        boolean[] readable = new boolean[data.length];
        Random r = new Random(gapSeed);
        boolean on = true;
        for (int i = 0; i < data.length; i++) {
            if (gapSeed != 0 && r.nextInt(12) == 0) {
                on = !on;
            }
            readable[i] = on;
        }
        return new ArrayByteSource(BASE, data, readable);
    }

    @Property(tries = 400)
    void everyMatchForwardsIsFoundInOrder(@ForAll("data") byte[] data, @ForAll("pattern") int[] pat,
                                          @ForAll @IntRange(min = 1, max = 9) int chunk,
                                          @ForAll @IntRange(min = 0, max = 3) int gapSeed,
                                          @ForAll @IntRange(min = 0, max = 10) int cutStart,
                                          @ForAll @IntRange(min = 0, max = 10) int cutEnd) throws Exception {
        SearchPattern p = toPattern(pat);
        ArrayByteSource reader = reader(data, gapSeed);
        ByteRange within = new ByteRange(BASE + cutStart - 3, BASE + Math.max(cutStart - 3, data.length - cutEnd));
        Finder finder = new Finder(reader, chunk);
        List<Long> found = new ArrayList<>();
        long from = within.start();
        for (Optional<ByteRange> m = finder.findNext(p, from, within); m.isPresent();
             m = finder.findNext(p, m.get().start() + 1, within)) {
            assertEquals(p.length(), m.get().length());
            found.add(m.get().start());
        }
        assertEquals(bruteForce(reader, p, within), found);
        assertEquals(found.size(), finder.findAll(p, within, Integer.MAX_VALUE).size());
    }

    @Property(tries = 400)
    void everyMatchBackwardsIsFoundInReverseOrder(@ForAll("data") byte[] data, @ForAll("pattern") int[] pat,
                                                  @ForAll @IntRange(min = 1, max = 9) int chunk,
                                                  @ForAll @IntRange(min = 0, max = 3) int gapSeed) throws Exception {
        SearchPattern p = toPattern(pat);
        ArrayByteSource reader = reader(data, gapSeed);
        ByteRange within = new ByteRange(BASE, BASE + data.length);
        Finder finder = new Finder(reader, chunk);
        List<Long> found = new ArrayList<>();
        for (Optional<ByteRange> m = finder.findPrevious(p, within.end(), within); m.isPresent();
             m = finder.findPrevious(p, m.get().start(), within)) {
            found.add(0, m.get().start());
        }
        assertEquals(bruteForce(reader, p, within), found);
    }

    @Property(tries = 200)
    void findNextFromAnyPointIsTheFirstMatchAtOrAfterIt(@ForAll("data") byte[] data, @ForAll("pattern") int[] pat,
                                                        @ForAll @IntRange(min = 1, max = 7) int chunk,
                                                        @ForAll @IntRange(min = 0, max = 90) int from)
            throws Exception {
        SearchPattern p = toPattern(pat);
        ArrayByteSource reader = reader(data, 0);
        ByteRange within = new ByteRange(BASE, BASE + data.length);
        Optional<Long> expected = bruteForce(reader, p, within).stream().filter(a -> a >= BASE + from).findFirst();
        assertEquals(expected, new Finder(reader, chunk).findNext(p, BASE + from, within).map(ByteRange::start));
        Optional<Long> before = bruteForce(reader, p, within).stream().filter(a -> a < BASE + from)
                .reduce((a, b) -> b);
        assertEquals(before, new Finder(reader, chunk).findPrevious(p, BASE + from, within).map(ByteRange::start));
    }

    @Property(tries = 200)
    void wrappingFindVisitsEveryMatchAndComesBack(@ForAll("data") byte[] data, @ForAll("pattern") int[] pat,
                                                  @ForAll @IntRange(min = 1, max = 7) int chunk,
                                                  @ForAll @IntRange(min = 0, max = 90) int caret) throws Exception {
        SearchPattern p = toPattern(pat);
        ArrayByteSource reader = reader(data, 0);
        ByteRange within = new ByteRange(BASE, BASE + data.length);
        List<Long> all = bruteForce(reader, p, within);
        Finder finder = new Finder(reader, chunk);
        Optional<Finder.Hit> next = finder.findNextWrapping(p, BASE + caret, within);
        Optional<Finder.Hit> previous = finder.findPreviousWrapping(p, BASE + caret, within);
        if (all.isEmpty()) {
            assertEquals(Optional.empty(), next);
            assertEquals(Optional.empty(), previous);
            return;
        }
        Optional<Long> after = all.stream().filter(a -> a > BASE + caret).findFirst();
        assertEquals(after.orElse(all.get(0)), next.orElseThrow().range().start());
        assertEquals(after.isEmpty(), next.orElseThrow().wrapped());
        Optional<Long> before = all.stream().filter(a -> a < BASE + caret).reduce((a, b) -> b);
        assertEquals(before.orElse(all.get(all.size() - 1)), previous.orElseThrow().range().start());
        assertEquals(before.isEmpty(), previous.orElseThrow().wrapped());
    }

    /** Long enough for the eight-bytes-at-a-time scan, with bytes whose sign bit is set. */
    @Provide
    Arbitrary<byte[]> longData() {
        return Arbitraries.of((byte) 0, (byte) 1, (byte) 0x80, (byte) 0xff).array(byte[].class).ofMaxSize(700);
    }

    @Provide
    Arbitrary<int[]> highPattern() {
        return Arbitraries.of(-1, 0, 1, 0x80, 0xff).array(int[].class).ofMinSize(1).ofMaxSize(6);
    }

    @Property(tries = 300)
    void theWordAtATimeScanFindsWhatANaiveScanFinds(@ForAll("longData") byte[] data,
                                                    @ForAll("highPattern") int[] pat,
                                                    @ForAll @IntRange(min = 1, max = 300) int chunk) throws Exception {
        SearchPattern p = toPattern(pat);
        ArrayByteSource reader = reader(data, 0);
        ByteRange within = new ByteRange(BASE, BASE + data.length);
        assertEquals(bruteForce(reader, p, within).stream().limit(50).toList(),
                new Finder(reader, chunk).findAll(p, within, 50).stream().map(ByteRange::start).toList());
    }

    @Property(tries = 100)
    void aWatchedSearchReportsProgressUpToTheReadableTotal(@ForAll("longData") byte[] data,
                                                           @ForAll @IntRange(min = 1, max = 64) int chunk,
                                                           @ForAll @IntRange(min = 0, max = 3) int gapSeed) {
        ArrayByteSource reader = reader(data, gapSeed);
        ByteRange within = new ByteRange(BASE, BASE + data.length);
        Finder finder = new Finder(reader, chunk);
        List<Long> seen = new ArrayList<>();
        long[] totals = {-1};
        // three bytes the data never holds: the whole readable range is scanned, then the wrap stops
        finder.findNextWrapping(SearchPattern.of(new byte[] {2, 3, 4}), BASE, within, (scanned, total) -> {
            seen.add(scanned);
            totals[0] = total;
        });
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(seen.get(i) >= seen.get(i - 1), "progress never goes back: " + seen);
        }
        if (!seen.isEmpty()) {
            assertEquals(finder.readableBytes(within), totals[0]);
            assertTrue(seen.get(seen.size() - 1) <= totals[0]);
        }
    }

    /** Every match start a naive scan finds inside {@code within}, each byte of it readable. */
    private static List<Long> bruteForce(ArrayByteSource reader, SearchPattern p, ByteRange within) {
        List<Long> out = new ArrayList<>();
        byte[] here = new byte[p.length()];
        for (long a = Math.max(within.start(), reader.start()); a + p.length() <= Math.min(within.end(), reader.end());
             a++) {
            if (reader.read(a, here, here.length) == here.length && p.matchesAt(here, 0)) {
                out.add(a);
            }
        }
        return out;
    }
}
