package memscope.app.files;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Named pipes for tests: made with mkfifo(1) (the test is skipped without it), and unstuck afterwards. */
public final class Fifos {
    private Fifos() {
    }

    public static Path make(Path at) throws InterruptedException {
        try {
            Process p = new ProcessBuilder("mkfifo", at.toString()).redirectErrorStream(true).start();
            Assumptions.assumeTrue(p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0, "mkfifo failed");
        } catch (IOException e) {
            Assumptions.abort("no mkfifo: " + e.getMessage());
        }
        return at;
    }

    /** A reader that opened the FIFO despite all waits for a writer: be one (O_RDWR never waits), so it ends. */
    public static void release(Path fifo) {
        try {
            FileChannel.open(fifo, StandardOpenOption.READ, StandardOpenOption.WRITE).close();
        } catch (IOException | RuntimeException ignored) {
            // gone already
        }
    }
}
