package memscope.app.edit;

import java.util.ArrayList;
import java.util.List;

import memscope.model.IoResult;
import memscope.model.Kernel;
import memscope.model.MapEntry;
import memscope.model.MapsResult;
import memscope.model.Status;

/**
 * Reads a process's memory through {@code readMemory} (the handle needs READ and WRITE); its readable ranges
 * are its mappings, adjacent ones merged, so a search skips the holes of a 128 TiB address space.
 */
public final class KernelByteReader implements ByteReader {
    private final Kernel kernel;
    private final int process;

    public KernelByteReader(Kernel kernel, int processHandle) {
        this.kernel = kernel;
        this.process = processHandle;
    }

    @Override
    public int read(long address, byte[] dst, int length) {
        IoResult first = kernel.readMemory(process, address, dst, length);
        if (first.status() != Status.OK) {
            return 0;
        }
        int done = (int) first.actual();
        // a read stops at each mapping's end; adjacent mappings continue the same memory
        while (done < length) {
            byte[] rest = new byte[length - done];
            IoResult r = kernel.readMemory(process, address + done, rest, rest.length);
            if (r.status() != Status.OK || r.actual() == 0) {
                break;
            }
            System.arraycopy(rest, 0, dst, done, (int) r.actual());
            done += (int) r.actual();
        }
        return done;
    }

    @Override
    public List<ByteRange> readableRanges(long start, long end) {
        MapsResult maps = kernel.processMaps(process);
        List<ByteRange> out = new ArrayList<>();
        if (maps.status() != Status.OK) {
            return out;
        }
        List<MapEntry> mappings = new ArrayList<>();
        for (MapEntry e : maps.entries()) {
            if (e.isMapping()) {
                mappings.add(e);
            }
        }
        mappings.sort(java.util.Comparator.comparingLong(MapEntry::base));
        for (MapEntry e : mappings) {
            long s = Math.max(start, e.base());
            long t = Math.min(end, e.base() + e.size());
            if (s >= t) {
                continue;
            }
            ByteRange last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && last.end() == s) {
                out.set(out.size() - 1, new ByteRange(last.start(), t));
            } else {
                out.add(new ByteRange(s, t));
            }
        }
        return out;
    }
}
