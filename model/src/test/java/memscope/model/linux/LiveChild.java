package memscope.model.linux;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import memscope.model.elf.ExternalTools;

/**
 * A child process the tests attach to: either {@code child.c} compiled with gcc (known rw-/r-- pages and a
 * command loop on stdin), or a copy of {@code /usr/bin/sleep} in a temp dir (so nothing system-wide is ever
 * written). Always {@link #close()} it.
 */
final class LiveChild implements AutoCloseable {
    private final Process process;
    private final Path binary;
    private final BufferedReader out;
    private final Writer in;
    long rw;
    long code;

    private LiveChild(Process process, Path binary) {
        this.process = process;
        this.binary = binary;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII));
        this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.US_ASCII);
    }

    /** Compiles child.c into {@code dir} (once per dir) and starts it with {@code extra} more mappings. */
    static LiveChild compiled(Path dir, int extra) throws IOException, InterruptedException {
        Path binary = compile(dir);
        LiveChild c = new LiveChild(new ProcessBuilder(binary.toString(), Integer.toString(extra))
                .redirectErrorStream(true).start(), binary);
        for (String line = c.out.readLine(); !"ready".equals(line); line = c.out.readLine()) {
            if (line == null) {
                throw new IOException("the child ended before it was ready");
            }
            String[] f = line.split(" ");
            if (f[0].equals("rw")) {
                c.rw = Long.parseUnsignedLong(f[1], 16);
            } else if (f[0].equals("code")) {
                c.code = Long.parseUnsignedLong(f[1], 16);
            }
        }
        // "ready" comes before the first fgets, whose stdin buffer may still grow the heap: wait for the read
        ChildAsleep.awaitReading(c.process);
        return c;
    }

    static Path compile(Path dir) throws IOException, InterruptedException {
        Path binary = dir.resolve("child");
        if (Files.exists(binary)) {
            return binary;
        }
        // where gcc is missing the test is skipped, as the gcore and readelf tests are (ExternalTools)
        org.junit.jupiter.api.Assumptions.assumeTrue(ExternalTools.installed("gcc"), "gcc is installed");
        Path source = dir.resolve("child.c");
        try (InputStream s = LiveChild.class.getResourceAsStream("/memscope/model/linux/child.c")) {
            Files.copy(s, source, StandardCopyOption.REPLACE_EXISTING);
        }
        Process gcc = new ProcessBuilder("gcc", "-O0", "-o", binary.toString(), source.toString())
                .redirectErrorStream(true).start();
        String log = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (gcc.waitFor() != 0) {
            throw new IOException("gcc failed: " + log);
        }
        return binary;
    }

    /** A copy of /usr/bin/sleep in {@code dir}, sleeping a minute; its mappings name the copy. */
    static LiveChild sleepCopy(Path dir) throws IOException, InterruptedException {
        Path binary = dir.resolve("sleep");
        Files.copy(Path.of("/usr/bin/sleep"), binary, StandardCopyOption.REPLACE_EXISTING);
        binary.toFile().setExecutable(true);
        LiveChild c = new LiveChild(new ProcessBuilder(binary.toString(), "60").start(), binary);
        // not just libc mapped: the loader re-protects RELRO after that, and sleep's setlocale may map more
        ChildAsleep.await(c.process);
        return c;
    }

    int pid() {
        return (int) process.pid();
    }

    Path binary() {
        return binary;
    }

    /** Sends a command and returns the child's one-line answer. */
    String send(String command) throws IOException {
        in.write(command + "\n");
        in.flush();
        return out.readLine();
    }

    /** The lines of /proc/PID/maps now. */
    List<String> mapsLines() throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(ProcFs.dir(pid()).resolve("maps"))) {
            if (!line.isBlank()) {
                out.add(line);
            }
        }
        return out;
    }

    /** The process's bytes at {@code address}, through a fresh /proc/PID/mem read. */
    byte[] freshRead(long address, int length) throws IOException {
        try (var ch = java.nio.channels.FileChannel.open(ProcFs.dir(pid()).resolve("mem"))) {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(length);
            while (b.hasRemaining()) {
                if (ch.read(b, address + b.position()) <= 0) {
                    throw new IOException("short read at 0x" + Long.toHexString(address));
                }
            }
            return b.array();
        }
    }

    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
