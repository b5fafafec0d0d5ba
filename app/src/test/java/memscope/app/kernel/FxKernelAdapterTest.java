package memscope.app.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import memscope.model.BootOptions;
import memscope.model.HandleResult;
import memscope.model.Kernel;
import memscope.model.MemoryChange;
import memscope.model.ProcessResult;
import memscope.model.Status;
import memscope.model.StructureChange;
import memscope.model.SyscallRecord;
import memscope.model.VmOptions;
import org.junit.jupiter.api.Test;

/** The adapter's coalescing, with a stand-in FX thread that runs what was posted only when told to. */
class FxKernelAdapterTest {
    private final ConcurrentLinkedQueue<Runnable> posted = new ConcurrentLinkedQueue<>();
    private final RecordingSink sink = new RecordingSink();

    private static final class RecordingSink implements KernelEventSink {
        int structures;
        final List<List<MemoryChange>> memory = new ArrayList<>();
        final List<Boolean> overflows = new ArrayList<>();
        final List<SyscallRecord> records = new ArrayList<>();
        long dropped;

        final List<List<StructureChange>> structure = new ArrayList<>();
        final List<Boolean> structureOverflows = new ArrayList<>();

        @Override
        public void structureChanged() {
            structures++;
        }

        @Override
        public void structureChanged(List<StructureChange> changes, boolean overflowed) {
            structureChanged();
            structure.add(changes);
            structureOverflows.add(overflowed);
        }

        @Override
        public void memoryChanged(List<MemoryChange> changes, boolean overflowed) {
            memory.add(changes);
            overflows.add(overflowed);
        }

        @Override
        public void syscallsCompleted(List<SyscallRecord> batch, long droppedCalls) {
            records.addAll(batch);
            dropped += droppedCalls;
        }
    }

    private void runPosted() {
        Runnable r;
        while ((r = posted.poll()) != null) {
            r.run();
        }
    }

    @Test
    void tenThousandWritesFromAScriptThreadBecomeOneDelivery() throws InterruptedException {
        Kernel k = Kernel.boot(BootOptions.defaults().withDebuggingSyscalls(true));
        ProcessResult p = k.processCreate("p");
        HandleResult vmo = k.vmoCreate(4096, 0);
        k.vmarMap(p.rootVmar(), VmOptions.PERM_READ | VmOptions.PERM_WRITE, 0, vmo.handle(), 0, 4096);
        long base = k.processMaps(p.process()).entries().stream().filter(e -> e.isMapping()
                && !e.name().startsWith("vdso")).findFirst().orElseThrow().base();
        k.subscribe(new FxKernelAdapter(sink, r -> true, posted::add));

        Thread script = new Thread(() -> {
            for (int i = 0; i < 10_000; i++) {
                k.writeMemory(p.process(), base + (i % 4096), new byte[] {(byte) i}, 1);
            }
        });
        script.start();
        script.join();

        assertEquals(1, posted.size(), "one pending delivery however many events came");
        runPosted();
        assertEquals(1, sink.memory.size());
        assertTrue(sink.overflows.get(0), "10,000 changes exceed the bound: reported as 'everything changed'");
        assertEquals(FxKernelAdapter.MAX_PENDING_RECORDS, sink.records.size());
        assertEquals(10_000 - FxKernelAdapter.MAX_PENDING_RECORDS, sink.dropped);
        assertEquals("zx_process_write_memory", sink.records.get(sink.records.size() - 1).name());
        assertEquals(0, sink.structures);
    }

    @Test
    void aFewChangesArriveIntactAndStructureComesFirst() {
        Kernel k = Kernel.boot(BootOptions.defaults().withDebuggingSyscalls(true));
        k.subscribe(new FxKernelAdapter(sink, r -> true, posted::add));
        HandleResult vmo = k.vmoCreate(4096, 0);
        k.vmoWrite(vmo.handle(), new byte[] {1, 2}, 8, 2);
        k.vmoWrite(vmo.handle(), new byte[] {3}, 100, 1);
        k.vmoSetSize(vmo.handle(), 8192);

        assertEquals(1, posted.size());
        runPosted();
        assertEquals(1, sink.structures, "structure changes are coalesced too");
        assertEquals(1, sink.memory.size());
        assertFalse(sink.overflows.get(0));
        long koid = k.inspector().handle(vmo.handle()).orElseThrow().koid();
        assertEquals(List.of(new MemoryChange(koid, 8, 2), new MemoryChange(koid, 100, 1)), sink.memory.get(0));
        assertEquals(List.of("zx_vmo_create", "zx_vmo_write", "zx_vmo_write", "zx_vmo_set_size"),
                sink.records.stream().map(SyscallRecord::name).toList());
    }

    @Test
    void eventsAfterADeliveryScheduleTheNextOne() {
        Kernel k = Kernel.boot(BootOptions.defaults());
        k.subscribe(new FxKernelAdapter(sink, r -> true, posted::add));
        k.vmoCreate(4096, 0);
        runPosted();
        assertTrue(posted.isEmpty());
        k.vmoCreate(4096, 0);
        assertEquals(1, posted.size());
        runPosted();
        assertEquals(2, sink.records.size());
    }

    @Test
    void recordsTheFilterRejectsAreNotDelivered() {
        Kernel k = Kernel.boot(BootOptions.defaults());
        k.subscribe(new FxKernelAdapter(sink, r -> !r.name().equals("zx_vmo_create"), posted::add));
        assertEquals(Status.OK, k.vmoCreate(4096, 0).status());
        runPosted();
        assertTrue(sink.records.isEmpty());
        assertEquals(1, sink.structures, "the new VMO is still a structure change");
    }

    @Test
    void structureChangesArriveInOrderWithTheirRegionsAndTooManyAreEverything() {
        Kernel k = Kernel.boot(BootOptions.defaults().withDebuggingSyscalls(true));
        ProcessResult p = k.processCreate("p");
        HandleResult vmo = k.vmoCreate(4096, 0);
        k.subscribe(new FxKernelAdapter(sink, r -> true, posted::add));
        long at = k.vmarMap(p.rootVmar(), VmOptions.PERM_READ, 0, vmo.handle(), 0, 4096).address();
        k.vmarUnmap(p.rootVmar(), at, 4096);
        runPosted();
        assertEquals(1, sink.structure.size(), "one delivery");
        assertEquals(List.of(StructureChange.What.MAPPED, StructureChange.What.UNMAPPED), sink.structure.get(0)
                .stream().map(c -> c.region().what()).toList(), "both changes, in order, each with its region");
        assertFalse(sink.structureOverflows.get(0));

        for (int i = 0; i <= FxKernelAdapter.MAX_PENDING_STRUCTURE; i++) {
            k.vmarMap(p.rootVmar(), VmOptions.PERM_READ, 0, vmo.handle(), 0, 4096);
        }
        runPosted();
        assertTrue(sink.structureOverflows.get(1), "past the bound: reported as 'everything changed'");
        assertTrue(sink.structure.get(1).isEmpty());
    }
}
