package memscope.model.history;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import memscope.model.BootOptions;
import memscope.model.CachePolicy;
import memscope.model.Kernel;
import memscope.model.KernelInspector;
import memscope.model.MapEntry;
import memscope.model.Moment;
import memscope.model.ObjectType;
import memscope.model.ProcessResult;
import memscope.model.TaskFlavor;
import memscope.model.VmOptions;
import memscope.model.VmProt;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * For random call sequences, the history's moment after call n is the kernel that replayed the first n calls
 * from a fresh boot: the same processes and handles, map for map, and byte for byte in every mapping.
 */
class HistoryProperties {
    private static final int PAGE = Kernel.PAGE_SIZE;
    private static final long WINDOW = Kernel.USER_ASPACE_BASE + 0x100000;
    private static final int WINDOW_PAGES = 24;

    /** One random action: a kind and numbers it interprets against the handles made so far. */
    record Op(int kind, int a, int b, int c, int d, long seed) {
    }

    /** The handles one kernel made, by the order they were made in, so two kernels run the same calls. */
    private static final class World {
        final Kernel kernel;
        final List<int[]> processes = new ArrayList<>(); // process, root vmar, task port
        final List<Integer> vmos = new ArrayList<>();

        World(Kernel kernel) {
            this.kernel = kernel;
        }

        void apply(Op op) {
            int kinds = 12;
            switch (op.kind() % kinds) {
                case 0 -> {
                    ProcessResult p = kernel.processCreate("p" + processes.size());
                    int port = kernel.mach().taskForProcess(p.process(), TaskFlavor.CONTROL).port();
                    processes.add(new int[] {p.process(), p.rootVmar(), port});
                }
                case 1 -> {
                    int options = op.b() % 2 == 0 ? Kernel.VMO_RESIZABLE : 0;
                    vmos.add(kernel.vmoCreate((long) (1 + op.a() % 6) * PAGE, options).handle());
                }
                case 2 -> {
                    if (processes.isEmpty() || vmos.isEmpty()) {
                        return;
                    }
                    int[] p = pick(processes, op.a());
                    int vmo = pick(vmos, op.b());
                    int perms = 1 + op.d() % 3; // read, write or both
                    int options = perms | (op.seed() % 3 == 0 ? 0 : VmOptions.SPECIFIC);
                    kernel.vmarMap(p[1], options, 0x100000 + (long) (op.c() % WINDOW_PAGES) * PAGE, vmo,
                            (long) (op.d() % 3) * PAGE, (long) (1 + op.seed() % 4) * PAGE);
                }
                case 3 -> {
                    if (!processes.isEmpty()) {
                        kernel.vmarUnmap(pick(processes, op.a())[1], WINDOW + (long) (op.b() % WINDOW_PAGES) * PAGE,
                                (long) (1 + op.c() % 4) * PAGE);
                    }
                }
                case 4 -> {
                    if (!processes.isEmpty()) {
                        kernel.vmarProtect(pick(processes, op.a())[1], 1 + op.d() % 3,
                                WINDOW + (long) (op.b() % WINDOW_PAGES) * PAGE, (long) (1 + op.c() % 3) * PAGE);
                    }
                }
                case 5, 6 -> {
                    if (!processes.isEmpty()) {
                        byte[] data = bytes(op.seed(), 1 + op.c() % (2 * PAGE));
                        kernel.writeMemory(pick(processes, op.a())[0],
                                WINDOW + (long) (op.b() % (WINDOW_PAGES * PAGE)), data, data.length);
                    }
                }
                case 7 -> {
                    if (!vmos.isEmpty()) {
                        byte[] data = bytes(op.seed(), 1 + op.c() % 300);
                        kernel.vmoWrite(pick(vmos, op.a()), data, op.b() % (3 * PAGE), data.length);
                    }
                }
                case 8 -> {
                    if (!vmos.isEmpty()) {
                        kernel.vmoSetSize(pick(vmos, op.a()), 1 + op.b() % (6 * PAGE));
                    }
                }
                case 9 -> {
                    if (!processes.isEmpty() && op.b() % 4 == 0) {
                        kernel.taskKill(pick(processes, op.a())[0]);
                    } else if (!vmos.isEmpty() && op.b() % 4 == 1) {
                        kernel.handleClose(pick(vmos, op.a()));
                    } else if (!vmos.isEmpty()) {
                        kernel.vmoSetCachePolicy(pick(vmos, op.a()),
                                op.c() % 2 == 0 ? CachePolicy.CACHED : CachePolicy.UNCACHED);
                    }
                }
                case 10 -> {
                    if (!processes.isEmpty()) {
                        byte[] data = bytes(op.seed(), 1 + op.c() % 600);
                        kernel.mach().vmWrite(pick(processes, op.a())[2],
                                WINDOW + (long) (op.b() % (WINDOW_PAGES * PAGE)), data, data.length);
                    }
                }
                default -> {
                    if (!processes.isEmpty()) {
                        // VM_PROT_COPY gives the mapping a private copy: a new VMO in place of the old
                        kernel.mach().vmProtect(pick(processes, op.a())[2],
                                WINDOW + (long) (op.b() % WINDOW_PAGES) * PAGE, PAGE, false,
                                VmProt.COPY | VmProt.READ | VmProt.WRITE);
                    }
                }
            }
        }

        private static <T> T pick(List<T> list, int i) {
            return list.get(Math.floorMod(i, list.size()));
        }
    }

    static byte[] bytes(long seed, int length) {
        byte[] b = new byte[length];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Provide
    Arbitrary<List<Op>> ops() {
        Arbitrary<Integer> n = Arbitraries.integers().between(0, 1 << 20);
        Arbitrary<Op> op = net.jqwik.api.Combinators.combine(Arbitraries.integers().between(0, 11), n, n, n, n,
                Arbitraries.longs().between(0, 1L << 40)).as(Op::new);
        // a few processes and VMOs first, so most sequences have something to write into
        Arbitrary<Op> setup = Arbitraries.integers().between(0, 1).map(k -> new Op(k, 1, 2, 0, 0, 0));
        return net.jqwik.api.Combinators.combine(setup.list().ofSize(4), op.list().ofMinSize(1).ofMaxSize(60))
                .as((a, b) -> {
                    List<Op> all = new ArrayList<>(a);
                    all.addAll(b);
                    return all;
                });
    }

    @Property(tries = 120)
    void eachMomentIsTheKernelThatReplayedTheCallsBeforeIt(@ForAll("ops") List<Op> ops) {
        BootOptions options = BootOptions.defaults().withDebuggingSyscalls(true);
        World recorded = new World(Kernel.boot(options));
        recorded.kernel.history().start();
        long[] after = new long[ops.size() + 1];
        after[0] = recorded.kernel.history().now();
        for (int i = 0; i < ops.size(); i++) {
            recorded.apply(ops.get(i));
            after[i + 1] = recorded.kernel.history().now();
        }
        World replay = new World(Kernel.boot(options));
        assertSame(replay.kernel, recorded.kernel.history().at(after[0]).orElseThrow(), "before any call");
        for (int i = 0; i < ops.size(); i++) {
            replay.apply(ops.get(i));
            Moment m = recorded.kernel.history().at(after[i + 1]).orElseThrow();
            assertSame(replay.kernel, m, "after op " + i + " " + ops.get(i));
        }
    }

    /** The moment shows what the live kernel shows: processes, handles, maps and every mapped byte. */
    static void assertSame(Kernel live, Moment m, String where) {
        KernelInspector in = live.inspector();
        List<String> liveHandles = new ArrayList<>();
        List<KernelInspector.HandleInfo> processes = new ArrayList<>();
        for (KernelInspector.HandleInfo h : in.handles()) {
            liveHandles.add(h.koid() + " " + h.type() + " " + h.name() + " " + h.rights());
            if (h.type() == ObjectType.PROCESS) {
                processes.add(h);
            }
        }
        List<String> pastHandles = new ArrayList<>();
        for (KernelInspector.HandleInfo h : m.handles()) {
            pastHandles.add(h.koid() + " " + h.type() + " " + h.name() + " " + h.rights());
        }
        liveHandles.sort(null);
        pastHandles.sort(null);
        assertEquals(liveHandles, pastHandles, where + ": handles");
        processes.sort(Comparator.comparingLong(KernelInspector.HandleInfo::koid));
        List<Long> liveKoids = processes.stream().map(KernelInspector.HandleInfo::koid).distinct().toList();
        assertEquals(liveKoids, m.processes().stream().map(KernelInspector.ProcessInfo::koid).toList(),
                where + ": processes");
        for (KernelInspector.HandleInfo h : processes) {
            KernelInspector.ProcessInfo info = in.process(h.koid()).orElseThrow();
            assertEquals(info, m.process(h.koid()).orElseThrow(), where + ": process " + h.koid());
            List<MapEntry> maps = info.alive() ? live.processMaps(h.handle()).entries() : List.of();
            assertEquals(maps, m.maps(h.koid()), where + ": maps of " + h.koid());
            for (MapEntry e : maps) {
                if (!e.isMapping()) {
                    continue;
                }
                byte[] want = new byte[(int) e.size()];
                byte[] got = new byte[want.length];
                BitSet wantCopied = new BitSet();
                BitSet gotCopied = new BitSet();
                int n = in.peekAll(h.handle(), e.base(), want, wantCopied);
                assertEquals(n, m.peekAll(h.koid(), e.base(), got, gotCopied), where + ": bytes at " + e);
                assertEquals(wantCopied, gotCopied, where + ": readable bytes at " + e);
                assertArrayEquals(want, got, where + ": bytes at " + Long.toHexString(e.base()));
            }
        }
        for (KernelInspector.HandleInfo h : in.handles()) {
            if (h.type() == ObjectType.VMO) {
                KernelInspector.VmoInfo v = in.vmo(h.koid()).orElseThrow();
                KernelInspector.VmoInfo p = m.vmo(h.koid()).orElseThrow();
                assertEquals(v.size(), p.size(), where + ": size of VMO " + h.koid());
                assertEquals(v.cachePolicy(), p.cachePolicy(), where + ": cache policy of VMO " + h.koid());
                assertEquals(v.mappingCount(), p.mappingCount(), where + ": mappings of VMO " + h.koid());
            }
        }
    }
}
