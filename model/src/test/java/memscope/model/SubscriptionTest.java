package memscope.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Subscriptions: each close removes exactly its own registration; a null listener is refused at once. */
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
}
