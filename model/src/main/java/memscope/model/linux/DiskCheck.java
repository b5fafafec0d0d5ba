package memscope.model.linux;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Optional;

import com.sun.jna.LastErrorException;

import memscope.model.Errno;
import memscope.model.text.Text;

/**
 * Compares the bytes a live process holds at an address with the bytes of the file mapped there, read from disk:
 * after a {@code /proc/PID/mem} write into a private file mapping, the process holds the new bytes (its private
 * copy) and the file the old ones. Reads only; nothing throws.
 */
public final class DiskCheck {
    /** One page at most: enough to show a patch, small enough to show whole. */
    public static final int MAX_BYTES = 4096;

    /**
     * @param errno {@link Errno#OK} when both were read; else why not
     * @param file  the file's bytes (empty unless read)
     * @param live  the process's bytes, read now from {@code /proc/PID/mem} (empty unless read)
     */
    public record Result(Errno errno, byte[] file, byte[] live, Text words) {
        public Result {
            file = file.clone();
            live = live.clone();
        }

        @Override
        public byte[] file() {
            return file.clone();
        }

        @Override
        public byte[] live() {
            return live.clone();
        }

        public boolean same() {
            return errno == Errno.OK && Arrays.equals(file, live);
        }
    }

    private DiskCheck() {
    }

    public static Result compare(LinuxProcess process, long address, long size) {
        if (size <= 0 || size > MAX_BYTES) {
            return refused(Errno.EINVAL, LinuxWords.of("disk.size", size, MAX_BYTES));
        }
        if (!process.alive()) {
            return refused(Errno.ESRCH, LinuxWords.of("write.exited", process.pid()));
        }
        Optional<LinuxMapping> found = process.mappingAt(address);
        if (found.isEmpty() || !found.get().path().startsWith("/")) {
            return refused(Errno.EINVAL, LinuxWords.of("disk.noFile", LinuxWords.hex(address)));
        }
        LinuxMapping m = found.get();
        int n = (int) Math.min(size, m.end() - address);
        long offset = m.offset() + (address - m.start());
        byte[] file = new byte[n];
        try (FileChannel ch = FileChannel.open(Path.of(m.path()), StandardOpenOption.READ)) {
            ByteBuffer b = ByteBuffer.wrap(file);
            while (b.hasRemaining() && ch.read(b, offset + b.position()) > 0) {
                // positional reads until full or end of file
            }
            file = Arrays.copyOf(file, b.position());
        } catch (IOException | RuntimeException e) {
            return refused(Errno.EIO, LinuxWords.of("disk.cannotRead", m.path(), String.valueOf(e.getMessage())));
        }
        byte[] live = new byte[n];
        try {
            int fd = LibC.c().open("/proc/" + process.pid() + "/mem", LibC.O_RDONLY | LibC.O_CLOEXEC);
            try {
                live = Arrays.copyOf(live, (int) Math.max(0, LibC.c().pread(fd, live, n, address)));
            } finally {
                LibC.c().close(fd);
            }
        } catch (LastErrorException e) {
            Errno errno = Errno.of(e.getErrorCode());
            return refused(errno == null ? Errno.EIO : errno, LinuxWords.of("disk.cannotReadLive",
                    LinuxWords.hex(address), process.pid()));
        }
        boolean same = Arrays.equals(file, live);
        Text words = LinuxWords.of(same ? "disk.same" : "disk.differ", m.path(), LinuxWords.hex(offset),
                hex(file), LinuxWords.hex(address), hex(live));
        return new Result(Errno.OK, file, live, words);
    }

    private static Result refused(Errno errno, Text words) {
        return new Result(errno, new byte[0], new byte[0], words);
    }

    private static String hex(byte[] bytes) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Math.min(bytes.length, 16); i++) {
            b.append(i == 0 ? "" : " ").append(String.format("%02x", bytes[i] & 0xff));
        }
        return bytes.length > 16 ? b.append(" …").toString() : b.toString();
    }
}
