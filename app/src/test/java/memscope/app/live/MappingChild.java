package memscope.app.live;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import memscope.app.testkit.ToolsOnPath;
import memscope.model.linux.ChildAsleep;

/**
 * A child that maps memory when told to: a few lines of Python reading commands on stdin ({@code map N} maps N
 * anonymous read-write pages and answers their address in hex). Always {@link #close()} it.
 */
final class MappingChild implements AutoCloseable {
    private static final String PROGRAM = String.join("\n",
            "import mmap, sys, ctypes",
            "keep = []",
            "print('ready', flush=True)",
            "for line in sys.stdin:",
            "    n = int(line.split()[1])",
            "    m = mmap.mmap(-1, n * 4096)",
            "    keep.append(m)",
            "    print('%x' % ctypes.addressof(ctypes.c_char.from_buffer(m)), flush=True)");

    private final Process process;
    private final BufferedReader out;
    private final Writer in;

    private MappingChild(Process process) {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
        this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.US_ASCII);
    }

    static MappingChild start() throws IOException, InterruptedException {
        // where Python is missing the test is skipped, as the gcore and readelf tests are
        org.junit.jupiter.api.Assumptions.assumeTrue(ToolsOnPath.installed("python3"), "python3 is installed");
        MappingChild c = new MappingChild(new ProcessBuilder("python3", "-c", PROGRAM).start());
        String line = c.out.readLine();
        if (!"ready".equals(line)) {
            throw new IOException("the child did not start: " + line);
        }
        // "ready" comes before Python sets up reading stdin (buffers, maybe an arena): wait until it reads
        ChildAsleep.awaitReading(c.process);
        return c;
    }

    int pid() {
        return (int) process.pid();
    }

    /** Maps {@code pages} new anonymous read-write pages; their address. */
    long map(int pages) throws IOException, InterruptedException {
        in.write("map " + pages + "\n");
        in.flush();
        long at = Long.parseUnsignedLong(out.readLine().trim(), 16);
        // the answer is printed before the loop's own allocations end: the maps are final once it reads again
        ChildAsleep.awaitReading(process);
        return at;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }
}
