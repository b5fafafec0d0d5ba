package memscope.app.live;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import memscope.model.linux.ChildAsleep;

/**
 * A child the test starts itself: a copy of {@code /usr/bin/sleep} in a temp dir (its mappings name the copy, and
 * nothing system-wide is ever written), sleeping two minutes. Always {@link #close()} it.
 */
final class SleepChild implements AutoCloseable {
    final Process process;
    final Path binary;

    private SleepChild(Process process, Path binary) {
        this.process = process;
        this.binary = binary;
    }

    static SleepChild start(Path dir) throws IOException, InterruptedException {
        Path binary = dir.resolve("sleep");
        Files.copy(Path.of("/usr/bin/sleep"), binary, StandardCopyOption.REPLACE_EXISTING);
        binary.toFile().setExecutable(true);
        SleepChild c = new SleepChild(new ProcessBuilder(binary.toString(), "120").start(), binary);
        // asleep, not just libc mapped and two equal looks at the maps: the loader re-protects RELRO after that,
        // and a starved child can sit between two looks; tests compare the maps at attach with later ones
        ChildAsleep.await(c.process);
        return c;
    }

    int pid() {
        return (int) process.pid();
    }

    Path maps() {
        return Path.of("/proc", Integer.toString(pid()), "maps");
    }

    /** The lines of /proc/PID/maps now. */
    List<String> mapsLines() throws IOException {
        return Files.readAllLines(maps()).stream().filter(l -> !l.isBlank()).toList();
    }

    /** The first line of the maps whose permissions start with {@code perms} and that names {@code path}. */
    long start(String perms, String path) throws IOException {
        for (String line : mapsLines()) {
            String[] f = line.trim().split("\\s+");
            if (f[1].startsWith(perms) && f.length > 5 && f[5].equals(path)) {
                return Long.parseUnsignedLong(f[0].substring(0, f[0].indexOf('-')), 16);
            }
        }
        throw new AssertionError("no " + perms + " mapping of " + path + " in " + mapsLines());
    }

    /** The process's bytes at {@code address}, through a fresh /proc/PID/mem read. */
    byte[] freshRead(long address, int length) throws IOException {
        try (FileChannel ch = FileChannel.open(Path.of("/proc", Integer.toString(pid()), "mem"))) {
            ByteBuffer b = ByteBuffer.allocate(length);
            while (b.hasRemaining()) {
                if (ch.read(b, address + b.position()) <= 0) {
                    throw new IOException("short read at 0x" + Long.toHexString(address));
                }
            }
            return b.array();
        }
    }

    /** Changes the process's bytes from outside MemScope, as the process itself might (the test is its parent). */
    void poke(long address, byte[] bytes) throws IOException {
        try (FileChannel ch = FileChannel.open(Path.of("/proc", Integer.toString(pid()), "mem"),
                java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(bytes), address);
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
