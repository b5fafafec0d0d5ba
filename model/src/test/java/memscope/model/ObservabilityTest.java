package memscope.model;

import static memscope.model.TestProcess.BASE;
import static memscope.model.TestProcess.PAGE;
import static memscope.model.TestProcess.RW;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What listeners see: memory changes in VMO coordinates, structure changes, and a record of every call. */
class ObservabilityTest {
    private TestProcess t;
    private TestProcess.Recorder rec;

    @BeforeEach
    void setUp() {
        t = TestProcess.boot();
        rec = t.record();
    }

    private List<StructureChange.Kind> structureKinds() {
        return rec.structure.stream().map(StructureChange::kind).collect(Collectors.toList());
    }

    // ---- memory changes ----

    @Test
    void aWriteReportsItsVmoRangeOnce() {
        int vmo = t.vmo(4 * PAGE);
        long at = t.mapAt(0x10000, vmo, PAGE, 2 * PAGE, RW);
        rec.clear();
        assertEquals(Status.OK, t.write(at + 10, new byte[20]).status());
        assertEquals(List.of(new MemoryChange(t.koidOf(vmo), PAGE + 10, 20)), rec.memory);
    }

    @Test
    void aVmoMappedInTwoProcessesStillReportsOnce() {
        int vmo = t.vmo(PAGE);
        long mine = t.mapAt(0x10000, vmo, 0, PAGE, RW);
        TestProcess other = t.sibling("other");
        other.mapAt(0x30000, vmo, 0, PAGE, RW);
        rec.clear();
        assertEquals(Status.OK, t.write(mine, new byte[8]).status());
        assertEquals(List.of(new MemoryChange(t.koidOf(vmo), 0, 8)), rec.memory);
    }

    @Test
    void aVmoMappedTwiceInOneProcessStillReportsOnce() {
        int vmo = t.vmo(PAGE);
        t.mapAt(0x10000, vmo, 0, PAGE, RW);
        long second = t.mapAt(0x20000, vmo, 0, PAGE, RW);
        rec.clear();
        assertEquals(Status.OK, t.write(second + 100, new byte[4]).status());
        assertEquals(List.of(new MemoryChange(t.koidOf(vmo), 100, 4)), rec.memory);
        assertArrayEquals(new byte[4], t.read(BASE + 0x10000 + 100, 4));
    }

    @Test
    void aClippedWriteReportsOnlyWhatItWrote() {
        int vmo = t.mappedVmo(0x10000, 1);
        rec.clear();
        assertEquals(new IoResult(Status.OK, 6), t.write(BASE + 0x10000 + PAGE - 6, new byte[50]));
        assertEquals(List.of(new MemoryChange(t.koidOf(vmo), PAGE - 6, 6)), rec.memory);
    }

    @Test
    void failedWritesAndReadsReportNoMemoryChange() {
        int vmo = t.mappedVmo(0x10000, 1);
        rec.clear();
        assertEquals(Status.ERR_NOT_FOUND, t.write(BASE, new byte[4]).status());
        t.read(BASE + 0x10000, 4);
        assertEquals(Status.OK, t.kernel.vmoRead(vmo, new byte[4], 0, 4));
        assertEquals(List.of(), rec.memory);
    }

    @Test
    void vmoWriteReportsAMemoryChangeToo() {
        int vmo = t.vmo(PAGE);
        rec.clear();
        assertEquals(Status.OK, t.kernel.vmoWrite(vmo, new byte[3], 7, 3));
        assertEquals(List.of(new MemoryChange(t.koidOf(vmo), 7, 3)), rec.memory);
    }

    // ---- structure changes ----

    @Test
    void structureEditsAreReported() {
        int vmo = t.vmo(PAGE, Kernel.VMO_RESIZABLE);
        assertTrue(structureKinds().contains(StructureChange.Kind.VMO));
        rec.clear();
        long at = t.mapAt(0x10000, vmo, 0, PAGE, RW);
        assertEquals(List.of(new StructureChange(StructureChange.Kind.MAPPING, t.koidOf(t.process),
                new StructureChange.Region(StructureChange.What.MAPPED, t.koidOf(t.process), 0, BASE, at,
                        at + PAGE))), rec.structure);
        rec.clear();
        assertEquals(Status.OK, t.kernel.vmoSetSize(vmo, 2 * PAGE));
        assertEquals(List.of(new StructureChange(StructureChange.Kind.VMO, t.koidOf(vmo))), rec.structure);
        rec.clear();
        assertEquals(Status.OK, t.kernel.vmoSetCachePolicy(vmo, CachePolicy.UNCACHED));
        assertEquals(List.of(StructureChange.Kind.VMO), structureKinds());
        rec.clear();
        assertEquals(Status.OK, t.kernel.vmarProtect(t.root, VmOptions.PERM_READ, at, PAGE));
        assertEquals(List.of(StructureChange.Kind.MAPPING), structureKinds());
        rec.clear();
        assertEquals(Status.OK, t.kernel.vmarUnmap(t.root, at, PAGE));
        assertEquals(List.of(StructureChange.Kind.MAPPING), structureKinds());
        rec.clear();
        assertEquals(Status.OK, t.kernel.vmarAllocate(t.root, VmOptions.CAN_MAP_READ, 0, PAGE).status());
        assertTrue(structureKinds().contains(StructureChange.Kind.VMAR));
        rec.clear();
        assertEquals(Status.OK, t.kernel.handleClose(vmo));
        assertEquals(List.of(StructureChange.Kind.HANDLE), structureKinds());
        rec.clear();
        t.kernel.setOptions(t.kernel.options().withLegacyNoMemory(true));
        assertEquals(List.of(new StructureChange(StructureChange.Kind.BOOT_OPTIONS, 0)), rec.structure);
        rec.clear();
        assertEquals(Status.OK, t.kernel.taskKill(t.process));
        assertTrue(structureKinds().contains(StructureChange.Kind.PROCESS));
    }

    @Test
    void refusedCallsReportNoStructureChange() {
        rec.clear();
        assertEquals(Status.ERR_INVALID_ARGS, t.kernel.vmarMap(t.root, RW, 0, t.vmo(PAGE), 0, 0).status());
        assertEquals(Status.ERR_BAD_HANDLE, t.kernel.handleClose(5));
        assertEquals(List.of(StructureChange.Kind.VMO, StructureChange.Kind.HANDLE), structureKinds(),
                "only the vmoCreate changed anything");
    }

    // ---- syscall records ----

    @Test
    void everyCallIsRecordedWithItsOutcome() {
        int vmo = t.mappedVmo(0x10000, 1);
        rec.clear();
        t.write(BASE + 0x10000 + PAGE - 4, new byte[10]);
        t.write(BASE, new byte[10]);
        t.read(BASE + 0x10000, 2);
        t.kernel.vmoSetSize(vmo, 0);
        t.kernel.processMaps(t.process);
        assertEquals(List.of("zx_process_write_memory", "zx_process_write_memory", "zx_process_read_memory",
                "zx_vmo_set_size", "zx_object_get_info"),
                rec.calls.stream().map(SyscallRecord::name).collect(Collectors.toList()));

        SyscallRecord clipped = rec.calls.get(0);
        assertEquals(Status.OK, clipped.status());
        assertEquals(10, clipped.requested());
        assertEquals(4, clipped.actual());
        assertEquals(Rule.CLIPPED_AT_MAPPING_END, clipped.rule());
        assertEquals(BASE + 0x10000 + PAGE, clipped.ruleAddress());

        SyscallRecord unmapped = rec.calls.get(1);
        assertEquals(Status.ERR_NOT_FOUND, unmapped.status());
        assertEquals("ZX_ERR_NOT_FOUND", unmapped.resultName());
        assertEquals(0, unmapped.actual());
        assertEquals(Rule.UNMAPPED, unmapped.rule());
        assertEquals(BASE, unmapped.ruleAddress());

        assertEquals(Rule.COMPLETE, rec.calls.get(2).rule());
        assertEquals(2, rec.calls.get(2).actual());
        assertEquals(Status.ERR_UNAVAILABLE, rec.calls.get(3).status());
        assertEquals(Rule.OTHER, rec.calls.get(3).rule());
        assertTrue(rec.calls.get(4).ok());

        List<Long> sequence = rec.calls.stream().map(SyscallRecord::sequence).collect(Collectors.toList());
        for (int i = 1; i < sequence.size(); i++) {
            assertTrue(sequence.get(i) > sequence.get(i - 1), "sequence numbers grow: " + sequence);
        }
    }

    @Test
    void recordsNameTheArguments() {
        t.write(0x1234000, new byte[3]);
        String args = rec.last("zx_process_write_memory").arguments();
        assertTrue(args.contains("0x1234000") && args.contains("3"), args);
    }

    // ---- subscriptions and threads ----

    @Test
    void closingTheSubscriptionStopsDelivery() {
        int vmo = t.mappedVmo(0x10000, 1);
        rec.subscription.close();
        rec.clear();
        t.write(BASE + 0x10000, new byte[4]);
        t.kernel.vmoSetCachePolicy(vmo, CachePolicy.UNCACHED);
        assertEquals(0, rec.memory.size() + rec.structure.size() + rec.calls.size());
    }

    @Test
    void otherSubscribersKeepReceivingAfterOneCloses() {
        TestProcess.Recorder second = t.record();
        rec.subscription.close();
        t.mappedVmo(0x10000, 1);
        assertTrue(second.calls.size() >= 2);
    }

    @Test
    void listenersRunAfterTheChangeOnTheCallersThread() {
        long at = BASE + 0x10000;
        t.mappedVmo(0x10000, 1);
        List<String> seen = new CopyOnWriteArrayList<>();
        t.kernel.subscribe(new KernelListener() {
            @Override
            public void memoryChanged(MemoryChange change) {
                seen.add(Thread.currentThread().getName() + ":" + t.read(at, 1)[0]);
            }
        });
        t.write(at, new byte[] {9});
        assertEquals(List.of(Thread.currentThread().getName() + ":9"), seen);
    }

    @Test
    void aListenerMayCallBackIntoTheKernel() {
        long at = BASE + 0x10000;
        int vmo = t.mappedVmo(0x10000, 2);
        AtomicBoolean echoing = new AtomicBoolean();
        t.kernel.subscribe(new KernelListener() {
            @Override
            public void memoryChanged(MemoryChange change) {
                if (change.offset() == 0 && echoing.compareAndSet(false, true)) {
                    // copy the first byte one page further, through every kind of call
                    byte[] b = t.read(at, 1);
                    t.write(at + PAGE, b);
                    t.kernel.vmoSetCachePolicy(vmo, CachePolicy.CACHED);
                    t.kernel.processMaps(t.process);
                }
            }

            @Override
            public void syscallCompleted(SyscallRecord record) {
                t.kernel.inspector().handles();
            }
        });
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertEquals(new IoResult(Status.OK, 1), t.write(at, new byte[] {42}));
        });
        assertEquals(42, t.read(at + PAGE, 1)[0]);
    }

    @Test
    void aListenerOnAnotherThreadMayCallInWhileTheWriterWaits() throws Exception {
        // a listener that hands work to another thread and waits for it must not deadlock on the kernel lock
        long at = BASE + 0x10000;
        t.mappedVmo(0x10000, 1);
        t.kernel.subscribe(new KernelListener() {
            @Override
            public void memoryChanged(MemoryChange change) {
                Thread reader = new Thread(() -> t.read(at, 1));
                reader.start();
                try {
                    reader.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> t.write(at, new byte[] {1}));
    }
}
