package memscope.model.linux;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.sun.jna.LastErrorException;

import memscope.model.Kernel;

/**
 * A live process's memory, read lazily through {@code /proc/PID/mem} with positional reads of the pages looked
 * at; nothing is read at attach. Each page read is kept (at most {@link #MAX_PAGES}, least recently used
 * dropped) as "the last look": views read the same bytes until {@link #refresh} looks again and says which bytes
 * the process changed. A page the kernel refuses ({@code [vvar]}, a guard page, a page past the end of its file:
 * EIO) is remembered as unreadable and throws {@link UncheckedIOException}, which the simulated kernel turns into
 * {@code ZX_ERR_IO}: never zeros. Thread-safe (the kernel reads under its read lock from several threads).
 */
final class LiveMemory implements AutoCloseable {
    /** 16 MiB of pages at most. */
    static final int MAX_PAGES = 4096;
    private static final int PAGE = Kernel.PAGE_SIZE;
    /** A page the kernel would not give. */
    private static final byte[] UNREADABLE = new byte[0];

    private final int pid;
    /** {@code /proc/PID/mem} opened read-only at attach: it keeps naming that process even if the PID is reused. */
    private final int fd;
    private volatile boolean closed;
    private final Map<Long, byte[]> pages = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, byte[]> eldest) {
            return size() > MAX_PAGES;
        }
    };

    private LiveMemory(int pid, int fd) {
        this.pid = pid;
        this.fd = fd;
    }

    /** Opens the process's memory for reading; refused as the kernel refuses it (EACCES, EPERM, ENOENT...). */
    static LiveMemory open(int pid) throws LastErrorException {
        return new LiveMemory(pid, LibC.c().open("/proc/" + pid + "/mem", LibC.O_RDONLY | LibC.O_CLOEXEC));
    }

    /** Fills {@code page} with the page at address {@code pageIndex * PAGE_SIZE}, as last looked at. */
    void readPage(long pageIndex, byte[] page) {
        byte[] known;
        synchronized (pages) {
            known = pages.get(pageIndex);
        }
        if (known == null) {
            known = readLive(pageIndex);
            synchronized (pages) {
                byte[] raced = pages.putIfAbsent(pageIndex, known);
                known = raced == null ? known : raced;
            }
        }
        if (known == UNREADABLE) {
            throw new UncheckedIOException(new LinuxException(memscope.model.Errno.EIO,
                    LinuxWords.of("memory.unreadable", LinuxWords.hex(pageIndex * PAGE), pid)));
        }
        System.arraycopy(known, 0, page, 0, PAGE);
    }

    /**
     * Reads the pages under {@code [address, address + length)} again and returns the byte ranges that differ
     * from the last look, in address order (a page that became readable or unreadable counts whole). Pages never
     * looked at before are read now and report nothing.
     */
    List<long[]> refresh(long address, long length) {
        List<long[]> changed = new ArrayList<>();
        long end = address + length;
        for (long page = address / PAGE; page <= (end - 1) / PAGE && length > 0; page++) {
            byte[] fresh = readLive(page);
            byte[] old;
            synchronized (pages) {
                old = pages.put(page, fresh);
            }
            long pageStart = page * PAGE;
            int from = (int) (Math.max(address, pageStart) - pageStart);
            int to = (int) (Math.min(end, pageStart + PAGE) - pageStart);
            if (old == null) {
                continue;
            }
            if (old == UNREADABLE || fresh == UNREADABLE) {
                if (old != fresh) {
                    add(changed, pageStart + from, pageStart + to);
                }
                continue;
            }
            for (int i = from; i < to; i++) {
                if (old[i] != fresh[i]) {
                    int j = i + 1;
                    while (j < to && old[j] != fresh[j]) {
                        j++;
                    }
                    add(changed, pageStart + i, pageStart + j);
                    i = j;
                }
            }
        }
        return changed;
    }

    /** Bytes MemScope itself wrote into the process: the last look takes them, so a refresh does not report them. */
    void noteWritten(long address, byte[] data, int length) {
        synchronized (pages) {
            for (int done = 0; done < length; ) {
                long at = address + done;
                int inPage = (int) (at % PAGE);
                int n = Math.min(length - done, PAGE - inPage);
                byte[] known = pages.get(at / PAGE);
                if (known != null && known != UNREADABLE) {
                    System.arraycopy(data, done, known, inPage, n);
                }
                done += n;
            }
        }
    }

    /** Forgets the last look at {@code [start, end)}: the mapping there is gone or is another one now. */
    void forget(long start, long end) {
        synchronized (pages) {
            if ((end - start) / PAGE > pages.size()) {
                pages.keySet().removeIf(p -> p >= start / PAGE && p < (end + PAGE - 1) / PAGE);
            } else {
                for (long p = start / PAGE; p < (end + PAGE - 1) / PAGE; p++) {
                    pages.remove(p);
                }
            }
        }
    }

    /** How many pages are held (for tests: attaching reads nothing). */
    int pagesHeld() {
        synchronized (pages) {
            return pages.size();
        }
    }

    private byte[] readLive(long pageIndex) {
        if (closed) {
            return UNREADABLE;
        }
        byte[] page = new byte[PAGE];
        try {
            // a page is never split by the kernel: all of it, EIO, or 0 (end of file) once the process is gone
            long n = LibC.c().pread(fd, page, PAGE, pageIndex * PAGE);
            return n == PAGE ? page : UNREADABLE;
        } catch (LastErrorException e) {
            return UNREADABLE;
        }
    }

    private static void add(List<long[]> ranges, long from, long to) {
        long[] last = ranges.isEmpty() ? null : ranges.get(ranges.size() - 1);
        if (last != null && last[1] == from) {
            last[1] = to;
        } else {
            ranges.add(new long[] {from, to});
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            try {
                LibC.c().close(fd);
            } catch (LastErrorException e) {
                // nothing more to do with it
            }
        }
    }
}
