package memscope.model;

import static memscope.model.MachFixture.DATA;
import static memscope.model.MachFixture.PAGE;
import static memscope.model.MachFixture.RODATA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class MachObservationTest {
    private final MachFixture f = new MachFixture();
    private final int task = f.task(TaskFlavor.CONTROL);

    @Test
    void listenersRunAfterTheLockIsReleasedAndMayCallBack() {
        List<String> seen = new ArrayList<>();
        KernelState state = f.kernel.state();
        f.kernel.subscribe(new KernelListener() {
            @Override
            public void memoryChanged(MemoryChange change) {
                seen.add("memory locked=" + locked(state));
            }

            @Override
            public void structureChanged(StructureChange change) {
                // the Zircon view already shows the new protection when told
                int perms = f.kernel.inspector().mappingAt(f.process, DATA).orElseThrow().perms();
                seen.add("structure locked=" + locked(state) + " perms=" + perms);
            }

            @Override
            public void syscallCompleted(SyscallRecord record) {
                if (record.name().equals("vm_region")) {
                    seen.add("vm_region locked=" + locked(state));
                } else {
                    seen.add(record.name() + " locked=" + locked(state) + " region="
                            + f.mach.vmRegion(task, DATA).kr());
                }
            }
        });
        f.mach.vmWrite(task, DATA, new byte[] {1}, 1);
        f.mach.vmProtect(task, DATA, 2L * PAGE, false, VmProt.READ);
        // a listener calling back nests that call's record inside its own delivery
        assertEquals(List.of("memory locked=false", "vm_region locked=false", "vm_write locked=false region=SUCCESS",
                "structure locked=false perms=" + VmOptions.PERM_READ, "vm_region locked=false",
                "vm_protect locked=false region=SUCCESS"), seen);
    }

    @Test
    void aRefusedCallReportsNoChanges() {
        f.changes.clear();
        f.records.clear();
        f.mach.vmProtect(task, DATA, 4L * PAGE, false, VmProt.ALL);
        f.mach.vmWrite(task, RODATA - 1, new byte[2], 2);
        assertEquals(List.of(), f.changes);
        assertEquals(2, f.records.size());
        assertTrue(f.records.stream().noneMatch(SyscallRecord::ok));
    }

    @Test
    void writesStayAllOrNothingWhileAnotherThreadFlipsProtection() throws Exception {
        // two rw mappings meet at RODATA; the second flips between rw- and r-- while 16 bytes across the seam
        // are written; a reader must never see the two halves differ
        f.kernel.vmarUnmap(f.root, RODATA, PAGE);
        f.map(RODATA, f.vmo(1, 0), 1, MachFixture.RW);
        f.kernel.vmoWrite(f.dataVmo, new byte[8], 2L * PAGE - 8, 8);
        AtomicBoolean done = new AtomicBoolean();
        CountDownLatch start = new CountDownLatch(1);
        // the writer begins once the flipper has flipped and the reader has read: its 3,000 writes take a few
        // milliseconds, which a loaded machine may let pass before it schedules the other two at all (the reader
        // then read nothing, and the seam was never flipped under a write)
        CountDownLatch othersRunning = new CountDownLatch(2);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Future<Integer> writer = pool.submit(() -> {
                start.await();
                if (!othersRunning.await(60, TimeUnit.SECONDS)) {
                    throw new AssertionError("the flipper and the reader did not start");
                }
                int ok = 0;
                for (int v = 1; v <= 3000; v++) {
                    if (f.mach.vmWrite(task, RODATA - 8, MachFixture.filled(16, v), 16) == KernReturn.SUCCESS) {
                        ok++;
                    }
                }
                done.set(true);
                return ok;
            });
            Future<?> flipper = pool.submit(() -> {
                start.await();
                for (int i = 0; !done.get(); i++) {
                    f.mach.vmProtect(task, RODATA, PAGE, false, i % 2 == 0 ? VmProt.READ : VmProt.DEFAULT);
                    if (i == 0) {
                        othersRunning.countDown();
                    }
                }
                return null;
            });
            Future<Integer> reader = pool.submit(() -> {
                start.await();
                int reads = 0;
                while (!done.get()) {
                    byte[] b = f.mach.vmRead(task, RODATA - 8, 16).data();
                    for (int i = 1; i < 16; i++) {
                        assertEquals(b[0], b[i], "a torn write");
                    }
                    if (reads++ == 0) {
                        othersRunning.countDown();
                    }
                }
                return reads;
            });
            start.countDown();
            int written = writer.get(60, TimeUnit.SECONDS);
            flipper.get(60, TimeUnit.SECONDS);
            assertTrue(reader.get(60, TimeUnit.SECONDS) > 0);
            assertTrue(written > 0, "some writes found the page writable");
        } finally {
            pool.shutdownNow();
        }
        assertFalse(f.kernel.state().lock.isWriteLocked());
    }

    private static boolean locked(KernelState state) {
        return state.lock.isWriteLocked() || state.lock.getReadLockCount() > 0;
    }
}
