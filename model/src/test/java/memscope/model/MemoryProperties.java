package memscope.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Random address spaces and random writes, checked against a reference model that is too simple to be wrong: a
 * list of mappings and a plain map from (VMO, offset) to byte.
 */
class MemoryProperties {
    private static final int PAGE = Kernel.PAGE_SIZE;
    private static final int VMOS = 4;
    private static final int WINDOW_PAGES = 32;
    /** The window of the root VMAR the mappings are placed in, as an offset from the root's base. */
    private static final long WINDOW_OFFSET = 0x100000;
    private static final long WINDOW = Kernel.USER_ASPACE_BASE + WINDOW_OFFSET;

    record MapSpec(int page, int pages, int vmo, int vmoPage) {
    }

    record WriteSpec(long offset, int length, int seed) {
    }

    /** A mapping as the reference model sees it. */
    record RefMapping(long base, long size, int vmo, long vmoOffset) {
        boolean contains(long address) {
            return address >= base && address < base + size;
        }
    }

    /** The kernel under test next to the reference model, built from the same random specs. */
    private static final class World {
        final TestProcess t = TestProcess.boot();
        final int[] vmoHandles = new int[VMOS];
        final long[] vmoSizes = new long[VMOS];
        final List<RefMapping> mappings = new ArrayList<>();
        final Map<Long, Byte> bytes = new HashMap<>();

        World(List<Integer> vmoPages, List<MapSpec> specs) {
            for (int i = 0; i < VMOS; i++) {
                vmoSizes[i] = (long) vmoPages.get(i) * PAGE;
                vmoHandles[i] = t.vmo(vmoSizes[i]);
            }
            for (MapSpec s : specs) {
                long base = WINDOW + (long) s.page() * PAGE;
                long size = (long) s.pages() * PAGE;
                boolean free = mappings.stream().noneMatch(m -> m.base() < base + size && base < m.base() + m.size());
                MapResult r = t.kernel.vmarMap(t.root, TestProcess.RW | VmOptions.SPECIFIC,
                        WINDOW_OFFSET + (long) s.page() * PAGE, vmoHandles[s.vmo()], (long) s.vmoPage() * PAGE, size);
                assertEquals(free ? Status.OK : Status.ERR_ALREADY_EXISTS, r.status(), "map " + s);
                if (free) {
                    mappings.add(new RefMapping(base, size, s.vmo(), (long) s.vmoPage() * PAGE));
                }
            }
        }

        RefMapping mappingAt(long address) {
            return mappings.stream().filter(m -> m.contains(address)).findFirst().orElse(null);
        }

        /** What the reference says a transfer at {@code address} of {@code length} bytes does. */
        IoResult expected(long address, int length) {
            RefMapping m = mappingAt(address);
            if (m == null) {
                return new IoResult(Status.ERR_NOT_FOUND, 0);
            }
            long offset = m.vmoOffset() + (address - m.base());
            long vmoSize = vmoSizes[m.vmo()];
            if (offset >= vmoSize) {
                return new IoResult(Status.ERR_OUT_OF_RANGE, 0);
            }
            long n = Math.min(length, Math.min(m.base() + m.size() - address, vmoSize - offset));
            return new IoResult(Status.OK, n);
        }

        void referenceWrite(long address, byte[] data, long actual) {
            RefMapping m = mappingAt(address);
            for (int i = 0; i < actual; i++) {
                bytes.put(key(m.vmo(), m.vmoOffset() + (address - m.base()) + i), data[i]);
            }
        }

        byte referenceByte(int vmo, long offset) {
            return bytes.getOrDefault(key(vmo, offset), (byte) 0);
        }

        /** Every VMO's whole contents, through VMO handles. */
        byte[][] snapshot() {
            byte[][] out = new byte[VMOS][];
            for (int i = 0; i < VMOS; i++) {
                out[i] = t.vmoBytes(vmoHandles[i], 0, (int) vmoSizes[i]);
            }
            return out;
        }

        void assertMatchesReference() {
            byte[][] actual = snapshot();
            for (int v = 0; v < VMOS; v++) {
                byte[] expected = new byte[actual[v].length];
                for (int i = 0; i < expected.length; i++) {
                    expected[i] = referenceByte(v, i);
                }
                assertArrayEquals(expected, actual[v], "VMO " + v);
            }
        }

        private static long key(int vmo, long offset) {
            return ((long) vmo << 40) | offset;
        }
    }

    @Provide
    Arbitrary<List<Integer>> vmoPages() {
        return Arbitraries.integers().between(1, 8).list().ofSize(VMOS);
    }

    @Provide
    Arbitrary<List<MapSpec>> mapSpecs() {
        return Combinators.combine(Arbitraries.integers().between(0, WINDOW_PAGES - 1),
                        Arbitraries.integers().between(1, 6), Arbitraries.integers().between(0, VMOS - 1),
                        Arbitraries.integers().between(0, 4))
                .as(MapSpec::new).list().ofMinSize(1).ofMaxSize(10);
    }

    @Provide
    Arbitrary<List<WriteSpec>> writeSpecs() {
        return Combinators.combine(Arbitraries.longs().between(-PAGE, (WINDOW_PAGES + 2L) * PAGE),
                        Arbitraries.integers().between(1, 3 * PAGE), Arbitraries.integers())
                .as(WriteSpec::new).list().ofMinSize(1).ofMaxSize(25);
    }

    private static byte[] pattern(int length, int seed) {
        byte[] b = new byte[length];
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        for (int i = 0; i < length; i++) {
            b[i] = (byte) r.nextInt(256);
        }
        return b;
    }

    @Property(tries = 150)
    void writesMatchTheReferenceModel(@ForAll("vmoPages") List<Integer> vmoPages,
                                      @ForAll("mapSpecs") List<MapSpec> maps,
                                      @ForAll("writeSpecs") List<WriteSpec> writes) {
        World w = new World(vmoPages, maps);
        for (WriteSpec s : writes) {
            long address = WINDOW + s.offset();
            byte[] data = pattern(s.length(), s.seed());
            IoResult expected = w.expected(address, s.length());
            assertEquals(expected, w.t.write(address, data), "write " + s);
            if (expected.status() == Status.OK) {
                w.referenceWrite(address, data, expected.actual());
            }
        }
        w.assertMatchesReference();
        // and every page of the window reads back through the mappings as the reference says
        for (long a = WINDOW; a < WINDOW + (long) WINDOW_PAGES * PAGE; a += PAGE / 2) {
            IoResult expected = w.expected(a, PAGE);
            byte[] buffer = new byte[PAGE];
            assertEquals(expected, w.t.kernel.readMemory(w.t.process, a, buffer, PAGE));
            RefMapping m = w.mappingAt(a);
            for (int i = 0; i < expected.actual(); i++) {
                assertEquals(w.referenceByte(m.vmo(), m.vmoOffset() + (a - m.base()) + i), buffer[i]);
            }
        }
    }

    /** The ways a write can be refused after the setup; each leaves every VMO exactly as it was. */
    enum Refusal { DEBUG_OFF, NULL_BUFFER, SHORT_BUFFER, BAD_HANDLE, NO_WRITE_RIGHT, UNMAPPED, VDSO, UNCACHED,
        DEAD }

    @Property(tries = 200)
    void aRefusedWriteChangesNothing(@ForAll("vmoPages") List<Integer> vmoPages,
                                     @ForAll("mapSpecs") List<MapSpec> maps,
                                     @ForAll("writeSpecs") List<WriteSpec> before,
                                     @ForAll Refusal refusal,
                                     @ForAll @IntRange(min = 0, max = WINDOW_PAGES * PAGE - 1) int offset) {
        World w = new World(vmoPages, maps);
        for (WriteSpec s : before) {
            w.t.write(WINDOW + s.offset(), pattern(s.length(), s.seed()));
        }
        byte[][] snapshot = w.snapshot();
        long address = WINDOW + offset;
        RefMapping m = w.mappingAt(address);
        byte[] data = pattern(64, offset);
        int process = w.t.process;
        Status expected;
        switch (refusal) {
            case DEBUG_OFF -> {
                w.t.kernel.setOptions(BootOptions.defaults());
                expected = Status.ERR_NOT_SUPPORTED;
            }
            case NULL_BUFFER -> {
                data = null;
                expected = Status.ERR_INVALID_ARGS;
            }
            case SHORT_BUFFER -> {
                data = new byte[63];
                expected = Status.ERR_INVALID_ARGS;
            }
            case BAD_HANDLE -> {
                process = w.t.withRights(w.t.process, Rights.SAME_RIGHTS);
                w.t.kernel.handleClose(process);
                expected = Status.ERR_BAD_HANDLE;
            }
            case NO_WRITE_RIGHT -> {
                process = w.t.withRights(w.t.process, Rights.READ);
                expected = Status.ERR_ACCESS_DENIED;
            }
            case UNMAPPED -> {
                address = m == null ? address : WINDOW - PAGE;
                expected = Status.ERR_NOT_FOUND;
            }
            case VDSO -> {
                address = w.t.vdsoBase() + offset % (2 * PAGE);
                expected = Status.ERR_ACCESS_DENIED;
            }
            case UNCACHED -> {
                if (m == null) {
                    expected = Status.ERR_NOT_FOUND;
                } else {
                    w.t.kernel.vmoSetCachePolicy(w.vmoHandles[m.vmo()], CachePolicy.UNCACHED);
                    expected = w.expected(address, 64).status() == Status.OK ? Status.ERR_BAD_STATE
                            : w.expected(address, 64).status();
                }
            }
            case DEAD -> {
                w.t.kernel.taskKill(w.t.process);
                expected = Status.ERR_BAD_STATE;
            }
            default -> throw new AssertionError(refusal);
        }
        assertEquals(new IoResult(expected, 0), w.t.kernel.writeMemory(process, address, data, 64));
        for (int h : w.vmoHandles) {
            w.t.kernel.vmoSetCachePolicy(h, CachePolicy.CACHED);
        }
        byte[][] after = w.snapshot();
        for (int v = 0; v < VMOS; v++) {
            assertArrayEquals(snapshot[v], after[v], "VMO " + v + " changed after a refused write");
        }
    }

    @Property(tries = 300)
    void readsReturnWhatWasWritten(@ForAll @IntRange(min = 1, max = 16) int pages,
                                   @ForAll @IntRange(min = 0, max = 16 * PAGE - 1) int offset,
                                   @ForAll @IntRange(min = 1, max = 5 * PAGE) int length,
                                   @ForAll int seed) {
        TestProcess t = TestProcess.boot();
        int vmo = t.mappedVmo(WINDOW_OFFSET, pages);
        long address = WINDOW + offset;
        byte[] data = pattern(length, seed);
        IoResult written = t.write(address, data);
        if (offset >= pages * PAGE) {
            assertEquals(new IoResult(Status.ERR_NOT_FOUND, 0), written);
            return;
        }
        long expected = Math.min(length, (long) pages * PAGE - offset);
        assertEquals(new IoResult(Status.OK, expected), written);
        byte[] back = new byte[length];
        assertEquals(written, t.kernel.readMemory(t.process, address, back, length));
        assertArrayEquals(java.util.Arrays.copyOf(data, (int) expected), java.util.Arrays.copyOf(back,
                (int) expected));
        assertArrayEquals(java.util.Arrays.copyOf(data, (int) expected), t.vmoBytes(vmo, offset, (int) expected));
    }
}
