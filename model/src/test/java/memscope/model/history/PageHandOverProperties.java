package memscope.model.history;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import memscope.model.BootOptions;
import memscope.model.History;
import memscope.model.KernReturn;
import memscope.model.Kernel;
import memscope.model.Moment;
import memscope.model.PageSource;
import memscope.model.ProcessResult;
import memscope.model.Status;
import memscope.model.TaskFlavor;
import memscope.model.VmOptions;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whole-page writes hand the VMO's page to the history, the others copy what they overwrite; for random mixes of
 * both (whole pages, writes that straddle pages, small edits, rewrites of what is there, through writeMemory,
 * vmoWrite and Mach vm_write, into pages written before, pages never written and pages of a file-like source),
 * and shrinks and regrowths of a resizable VMO (a shrink hands the pages it drops over as well),
 * under caps that drop and recycle pages, every retained moment, {@code writersOf} and {@code diff} agree with
 * images of the VMOs taken after each call.
 */
class PageHandOverProperties {
    private static final int PAGE = Kernel.PAGE_SIZE;
    private static final int PAGES = 8;
    private static final int SIZE = PAGES * PAGE;
    private static final int RW = VmOptions.PERM_READ | VmOptions.PERM_WRITE;
    /** A file-like source: every byte names its place. */
    private static final PageSource NUMBERED = (index, page) -> {
        for (int i = 0; i < PAGE; i++) {
            page[i] = (byte) (index * 31 + i * 7 + 1);
        }
    };

    record Op(int kind, int page, int shift, int length, long seed) {
    }

    @Provide
    Arbitrary<List<Op>> ops() {
        Arbitrary<Op> op = Combinators.combine(Arbitraries.integers().between(0, 8),
                Arbitraries.integers().between(0, PAGES - 1), Arbitraries.integers().between(0, PAGE - 1),
                Arbitraries.integers().between(1, 3 * PAGE), Arbitraries.longs()).as(Op::new);
        return op.list().ofMinSize(1).ofMaxSize(60);
    }

    @Provide
    Arbitrary<Long> caps() {
        // small enough that the cap drops calls (and their pages) in most sequences
        return Arbitraries.of(4L * PAGE, 12L * PAGE, 40L * PAGE, History.DEFAULT_CAP);
    }

    /** The kernel under test and the bytes its two VMOs must hold. */
    private static final class World {
        final Kernel kernel = Kernel.boot(BootOptions.defaults().withDebuggingSyscalls(true));
        final ProcessResult p = kernel.processCreate("app");
        final int port = kernel.mach().taskForProcess(p.process(), TaskFlavor.CONTROL).port();
        final int anon = kernel.vmoCreate(SIZE, 0).handle();
        final int backed = kernel.vmoCreateBacked(SIZE, NUMBERED, "file").handle();
        final long base = kernel.vmarMap(p.rootVmar(), RW, 0, anon, 0, SIZE).address();
        final long anonKoid = kernel.inspector().handle(anon).orElseThrow().koid();
        final long backedKoid = kernel.inspector().handle(backed).orElseThrow().koid();
        /** Resizable and unmapped: shrinking hands its dropped pages to the history, growing reads zeros. */
        final int sized = kernel.vmoCreate(SIZE, Kernel.VMO_RESIZABLE).handle();
        final long sizedKoid = kernel.inspector().handle(sized).orElseThrow().koid();
        final byte[] anonBytes = new byte[SIZE];
        final byte[] backedBytes = new byte[SIZE];
        /** The resizable VMO's bytes, zeros past its size; and its size. */
        final byte[] sizedBytes = new byte[SIZE];
        int sizedSize = SIZE;

        World() {
            for (int page = 0; page < PAGES; page++) {
                byte[] one = new byte[PAGE];
                NUMBERED.readPage(page, one);
                System.arraycopy(one, 0, backedBytes, page * PAGE, PAGE);
            }
            // half the pages written before recording starts (they change hands), half never written (copied)
            for (int page = 0; page < PAGES; page += 2) {
                writeMemory(page * PAGE, random(page, PAGE));
            }
            byte[] all = random(-1, SIZE);
            assertEquals(Status.OK, kernel.vmoWrite(sized, all, 0, SIZE));
            System.arraycopy(all, 0, sizedBytes, 0, SIZE);
        }

        void writeMemory(long offset, byte[] data) {
            assertEquals(Status.OK, kernel.writeMemory(p.process(), base + offset, data, data.length).status());
            System.arraycopy(data, 0, anonBytes, (int) offset, data.length);
        }

        void apply(Op op) {
            long at = (long) op.page() * PAGE;
            int wholePages = Math.min(1 + op.length() % 3, PAGES - op.page()) * PAGE;
            switch (op.kind()) {
                case 0 -> writeMemory(at, random(op.seed(), wholePages));
                case 1 -> {
                    long from = at + op.shift();
                    writeMemory(from, random(op.seed(), (int) Math.min(op.length(), SIZE - from)));
                }
                case 2 -> {
                    long from = at + op.shift();
                    writeMemory(from, random(op.seed(), (int) Math.min(1 + op.length() % 64, SIZE - from)));
                }
                case 3 -> {
                    // what is there, with zero to two bytes changed: only those may be kept
                    byte[] data = Arrays.copyOfRange(anonBytes, (int) at, (int) at + wholePages);
                    SplittableRandom r = new SplittableRandom(op.seed());
                    for (int i = 0; i < op.length() % 3; i++) {
                        data[r.nextInt(data.length)] ^= (byte) (1 + r.nextInt(255));
                    }
                    writeMemory(at, data);
                }
                case 4 -> {
                    byte[] data = random(op.seed(), wholePages);
                    assertEquals(Status.OK, kernel.vmoWrite(anon, data, at, data.length));
                    System.arraycopy(data, 0, anonBytes, (int) at, data.length);
                }
                case 5 -> {
                    byte[] data = random(op.seed(), wholePages);
                    assertEquals(KernReturn.SUCCESS, kernel.mach().vmWrite(port, base + at, data, data.length));
                    System.arraycopy(data, 0, anonBytes, (int) at, data.length);
                }
                case 7 -> {
                    // the resizable VMO, within its size: whole pages, or a piece of one
                    long from = Math.min(op.seed() % 2 == 0 ? at : at + op.shift(), sizedSize - 1);
                    byte[] data = random(op.seed(), (int) Math.min(op.seed() % 2 == 0 ? wholePages : op.length(),
                            sizedSize - from));
                    assertEquals(Status.OK, kernel.vmoWrite(sized, data, from, data.length));
                    System.arraycopy(data, 0, sizedBytes, (int) from, data.length);
                }
                case 8 -> {
                    // shrink (the bytes past the new end are forgotten) or grow (zeros), often to a page boundary
                    int size = op.seed() % 2 == 0 ? (1 + op.page()) * PAGE : 1 + op.page() * PAGE + op.shift();
                    assertEquals(Status.OK, kernel.vmoSetSize(sized, size));
                    if (size < sizedSize) {
                        Arrays.fill(sizedBytes, size, SIZE, (byte) 0);
                    }
                    sizedSize = (size + PAGE - 1) / PAGE * PAGE;
                }
                default -> {
                    // the file-like VMO: whole pages, or a piece of one
                    long from = op.seed() % 2 == 0 ? at : at + op.shift();
                    byte[] data = random(op.seed(), (int) Math.min(op.seed() % 2 == 0 ? wholePages : op.length(),
                            SIZE - from));
                    assertEquals(Status.OK, kernel.vmoWrite(backed, data, from, data.length));
                    System.arraycopy(data, 0, backedBytes, (int) from, data.length);
                }
            }
        }
    }

    static byte[] random(long seed, int length) {
        byte[] b = new byte[length];
        new SplittableRandom(seed).nextBytes(b);
        return b;
    }

    @Property(tries = 100)
    void everyRetainedMomentWriterAndDiffIsExact(@ForAll("ops") List<Op> ops, @ForAll("caps") long cap) {
        World w = new World();
        History history = w.kernel.history();
        history.start();
        assertTrue(history.setCap(cap));
        List<Long> sequences = new ArrayList<>();
        List<byte[]> anon = new ArrayList<>();
        List<byte[]> backed = new ArrayList<>();
        List<byte[]> sized = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        sequences.add(history.now());
        anon.add(w.anonBytes.clone());
        backed.add(w.backedBytes.clone());
        sized.add(w.sizedBytes.clone());
        sizes.add(w.sizedSize);
        for (Op op : ops) {
            w.apply(op);
            sequences.add(history.now());
            anon.add(w.anonBytes.clone());
            backed.add(w.backedBytes.clone());
            sized.add(w.sizedBytes.clone());
            sizes.add(w.sizedSize);
        }
        // the newest call always stays, even one bigger than the cap (a shrink that drops every page)
        assertTrue(history.bytes() <= cap || history.steps().size() == 1,
                "history " + history.bytes() + " over its cap " + cap);
        long horizon = history.horizon();
        byte[] seen = new byte[SIZE];
        List<Integer> retained = new ArrayList<>();
        for (int i = 0; i < sequences.size(); i++) {
            if (sequences.get(i) < horizon) {
                continue;
            }
            retained.add(i);
            Moment m = history.at(sequences.get(i)).orElseThrow();
            assertTrue(m.readVmo(w.anonKoid, 0, seen));
            assertArrayEquals(anon.get(i), seen, "anonymous VMO after call " + i);
            assertTrue(m.readVmo(w.backedKoid, 0, seen));
            assertArrayEquals(backed.get(i), seen, "file-like VMO after call " + i);
            byte[] within = new byte[sizes.get(i)];
            assertTrue(m.readVmo(w.sizedKoid, 0, within));
            assertArrayEquals(Arrays.copyOf(sized.get(i), within.length), within, "resizable VMO after call " + i);
        }
        SplittableRandom r = new SplittableRandom(ops.size());
        for (int k = 0; k < 24; k++) {
            int offset = r.nextInt(SIZE);
            assertWriters(history, w.anonKoid, offset, sequences, anon, horizon);
            assertWriters(history, w.backedKoid, offset, sequences, backed, horizon);
            assertWriters(history, w.sizedKoid, offset, sequences, sized, horizon);
        }
        for (int k = 0; k < 6 && !retained.isEmpty(); k++) {
            int a = retained.get(r.nextInt(retained.size()));
            int b = retained.get(r.nextInt(retained.size()));
            Diff d = history.diff(sequences.get(a), sequences.get(b)).orElseThrow();
            int lo = Math.min(a, b);
            int hi = Math.max(a, b);
            assertDiff(d, w.anonKoid, anon.get(lo), anon.get(hi), sequences, anon, lo, hi);
            assertDiff(d, w.backedKoid, backed.get(lo), backed.get(hi), sequences, backed, lo, hi);
        }
    }

    /** The calls that changed the byte, retained ones only, with the values before and after each. */
    private static void assertWriters(History history, long vmo, int offset, List<Long> sequences,
                                      List<byte[]> images, long horizon) {
        List<String> expected = new ArrayList<>();
        for (int i = 1; i < images.size(); i++) {
            int before = images.get(i - 1)[offset] & 0xff;
            int after = images.get(i)[offset] & 0xff;
            if (before != after && sequences.get(i) > horizon) {
                expected.add(sequences.get(i) + ": " + before + " -> " + after);
            }
        }
        List<String> actual = history.writersOf(vmo, offset).stream()
                .map(x -> x.sequence() + ": " + x.before() + " -> " + x.after()).toList();
        assertEquals(expected, actual, "writers of byte " + offset + " of VMO " + vmo);
    }

    /**
     * The diff's ranges of {@code vmo} are exactly the runs of bytes that differ; each names every call between
     * the moments that changed a byte in it, and no call outside them.
     */
    private static void assertDiff(Diff d, long vmo, byte[] from, byte[] to, List<Long> sequences,
                                   List<byte[]> images, int lo, int hi) {
        List<long[]> expected = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= SIZE; i++) {
            boolean differs = i < SIZE && from[i] != to[i];
            if (differs && start < 0) {
                start = i;
            } else if (!differs && start >= 0) {
                expected.add(new long[] {start, i - start});
                start = -1;
            }
        }
        List<ByteRange> ranges = d.bytes().stream().filter(x -> x.vmoKoid() == vmo).toList();
        assertEquals(expected.stream().map(Arrays::toString).toList(),
                ranges.stream().map(x -> Arrays.toString(new long[] {x.offset(), x.length()})).toList(),
                "diff ranges of VMO " + vmo);
        for (ByteRange range : ranges) {
            for (long s : range.sequences()) {
                assertTrue(s > sequences.get(lo) && s <= sequences.get(hi), "call " + s + " outside the diff");
            }
            for (int i = lo + 1; i <= hi; i++) {
                byte[] before = images.get(i - 1);
                byte[] after = images.get(i);
                for (long at = range.offset(); at < range.end(); at++) {
                    if (before[(int) at] != after[(int) at]) {
                        assertTrue(range.sequences().contains(sequences.get(i)),
                                "call " + sequences.get(i) + " changed byte " + at + " but is not listed");
                        break;
                    }
                }
            }
        }
    }
}
