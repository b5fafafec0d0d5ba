package memscope.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Subscriptions and delivery: each close removes exactly its own registration; a null listener is refused at
 * once; a listener that throws does not silence the others; sequence numbers follow the order calls took effect.
 */
class SubscriptionTest {
    private final Kernel kernel = Kernel.boot(BootOptions.defaults());
    private final AtomicInteger calls = new AtomicInteger();
    private final KernelListener counter = new KernelListener() {
        @Override
        public void syscallCompleted(SyscallRecord record) {
            calls.incrementAndGet();
        }
    };

    @Test
    void closingTwiceDoesNotCancelAnotherSubscriptionOfTheSameListener() {
        Subscription first = kernel.subscribe(counter);
        kernel.subscribe(counter);
        first.close();
        first.close();
        kernel.vmoCreate(Kernel.PAGE_SIZE, 0);
        assertEquals(1, calls.get(), "the second subscription still delivers, once");
    }

    @Test
    void aNullListenerIsRefusedWhenSubscribingNotLaterInSomeoneElsesSyscall() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> kernel.subscribe(null));
        assertTrue(e.getMessage().contains("listener"), e.getMessage());
        assertEquals(Status.OK, kernel.vmoCreate(Kernel.PAGE_SIZE, 0).status());
    }

    @Test
    void aThrowingListenerDoesNotKeepTheOthersFromHearing() {
        int vmo = kernel.vmoCreate(Kernel.PAGE_SIZE, 0).handle();
        kernel.subscribe(new KernelListener() {
            @Override
            public void memoryChanged(MemoryChange change) {
                throw new IllegalStateException("a broken view");
            }
        });
        List<String> heard = new ArrayList<>();
        kernel.subscribe(new KernelListener() {
            @Override
            public void memoryChanged(MemoryChange change) {
                heard.add("memory " + change.offset() + "+" + change.length());
            }

            @Override
            public void syscallCompleted(SyscallRecord record) {
                heard.add(record.name());
            }
        });
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> kernel.vmoWrite(vmo, new byte[] {7}, 5, 1));
        assertEquals("a broken view", e.getMessage());
        assertEquals(List.of("memory 5+1", "zx_vmo_write"), heard);
        byte[] back = new byte[1];
        assertEquals(Status.OK, kernel.vmoRead(vmo, back, 5, 1), "the write took effect and the lock is free");
        assertEquals(7, back[0]);
    }

    @Test
    void sequenceNumbersFollowTheOrderInWhichCallsTookEffect() throws Exception {
        int vmo = kernel.vmoCreate(Kernel.PAGE_SIZE, Kernel.VMO_RESIZABLE).handle();
        long koid = kernel.inspector().handle(vmo).orElseThrow().koid();
        Queue<SyscallRecord> records = new ConcurrentLinkedQueue<>();
        kernel.subscribe(new KernelListener() {
            @Override
            public void syscallCompleted(SyscallRecord record) {
                records.add(record);
            }
        });
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 1; i <= 300; i++) {
                        kernel.vmoSetSize(vmo, (long) (i * 4 + thread) * Kernel.PAGE_SIZE);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
        SyscallRecord last = records.stream().max(Comparator.comparingLong(SyscallRecord::sequence)).orElseThrow();
        long recordedSize = Long.parseLong(last.arguments().substring(last.arguments().indexOf("size=") + 5));
        assertEquals(kernel.inspector().vmo(koid).orElseThrow().size(), recordedSize,
                "the highest sequence number belongs to the call that took effect last");
        assertEquals(1200, records.stream().mapToLong(SyscallRecord::sequence).distinct().count());
    }
}
