package memscope.app.files;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Waits for a read the app does off the FX thread (open a file, a session, a scenario, a script). */
public final class Reads {
    private Reads() {
    }

    /** Starts the read on the FX thread, waits until it is over and the FX thread is idle; its outcome. */
    public static boolean finish(FxRobot robot, Supplier<CompletableFuture<Boolean>> start) {
        @SuppressWarnings("unchecked")
        CompletableFuture<Boolean>[] started = new CompletableFuture[1];
        robot.interact(() -> started[0] = start.get());
        return await(started[0]);
    }

    /** Waits until {@code outcome} is known and the FX thread has run what followed it. */
    public static boolean await(CompletableFuture<Boolean> outcome) {
        try {
            boolean ok = outcome.get(20, TimeUnit.SECONDS);
            WaitForAsyncUtils.waitForFxEvents();
            return ok;
        } catch (Exception e) {
            throw new AssertionError("the read did not finish", e);
        }
    }
}
