package memscope.app.document;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import memscope.app.hex.AddressRange;
import memscope.app.hex.ByteSource;
import memscope.app.hex.CellKind;
import memscope.app.kernel.KernelSession;
import memscope.model.CachePolicy;
import memscope.model.IoResult;
import memscope.model.Kernel;
import memscope.model.KernelInspector;
import memscope.model.MapEntry;
import memscope.model.MapsResult;
import memscope.model.ObjectType;
import memscope.model.Rights;
import memscope.model.Status;
import memscope.model.VmOptions;

/**
 * A process's memory as the app reads it: through {@code readMemory} with a reading handle, inside a window of
 * addresses (the whole user address space, or an open file's bytes), and quietly when a session is given (the
 * window's own re-reads are not calls the user made, so they stay out of the syscall log). What lies behind each
 * byte comes from the process's mappings, cached until {@link #invalidate()} (call it after a structure change).
 * Safe to share between the FX thread and a background search.
 */
public final class KernelMemory implements ByteSource {
    /** Runs a kernel call, quietly or not: {@link KernelSession#quietly} or a plain call. */
    @FunctionalInterface
    public interface Calls {
        <T> T run(Supplier<T> call);
    }

    /** Reads larger than this are split: keeps the scratch buffer small whatever a caller asks for. */
    private static final int CHUNK = 64 * 1024;

    private final Kernel kernel;
    private final int processHandle;
    private final Calls calls;
    /** The shown addresses, {@code [start, end)}; the kernel's are {@code shift} higher. */
    private final long start;
    private final long end;
    private final long shift;
    /** The cached mappings, replaced whole so a reader on another thread sees one consistent list. */
    private volatile Maps maps;
    /** Guarded by {@code this}: only the hex view's reads use it. */
    private byte[] scratch = new byte[0];

    /** The mappings, or refused when the process has no address space to ask about (dead, handle gone). */
    private record Maps(List<Piece> pieces, boolean refused) {
    }

    /** One mapping: its range and how its bytes are shown. */
    private record Piece(long base, long end, CellKind kind, boolean cached) {
    }

    /**
     * The whole user address space of the process {@code processHandle} refers to, read through calls that show
     * in the syscall log (tests, benchmarks).
     *
     * @throws IllegalArgumentException when the handle is unknown, not a process, or lacks READ or WRITE
     */
    public KernelMemory(Kernel kernel, int processHandle) {
        this(kernel, processHandle, Supplier::get, new AddressRange(Kernel.USER_ASPACE_BASE, Kernel.USER_ASPACE_END));
    }

    /** The session's process behind {@code processHandle}, read quietly, only inside {@code window}. */
    public KernelMemory(KernelSession session, int processHandle, AddressRange window) {
        this(session.kernel(), processHandle, session::quietly, window);
    }

    /**
     * As {@link #KernelMemory(Kernel, int, Calls, AddressRange)}, but shown from address 0: an open file's bytes
     * by their offset in the file, {@code window.start()} being offset 0.
     */
    public static KernelMemory fromZero(KernelSession session, int processHandle, AddressRange window) {
        return new KernelMemory(session.kernel(), processHandle, session::quietly, window, true);
    }

    /**
     * @param processHandle a process handle with READ and WRITE rights, as {@code zx_process_read_memory} needs
     * @param window the addresses shown; clipped to the user address space
     * @throws IllegalArgumentException when the handle is unknown, not a process, or lacks READ or WRITE
     */
    public KernelMemory(Kernel kernel, int processHandle, Calls calls, AddressRange window) {
        this(kernel, processHandle, calls, window, false);
    }

    private KernelMemory(Kernel kernel, int processHandle, Calls calls, AddressRange window, boolean fromZero) {
        if (kernel == null) {
            throw new IllegalArgumentException("KernelMemory needs a kernel, got null");
        }
        KernelInspector.HandleInfo info = kernel.inspector().handle(processHandle).orElseThrow(() ->
                new IllegalArgumentException(String.format("no handle 0x%x in the kernel's table", processHandle)));
        if (info.type() != ObjectType.PROCESS) {
            throw new IllegalArgumentException(String.format("handle 0x%x is a %s, not a process",
                    processHandle, info.type()));
        }
        if ((info.rights() & Rights.IO) != Rights.IO) {
            throw new IllegalArgumentException(String.format(
                    "process handle 0x%x has rights %s; reading memory needs READ and WRITE",
                    processHandle, Rights.toString(info.rights())));
        }
        this.kernel = kernel;
        this.processHandle = processHandle;
        this.calls = calls;
        long first = Math.max(window.start(), Kernel.USER_ASPACE_BASE);
        long last = Math.max(first, Math.min(window.end(), Kernel.USER_ASPACE_END));
        this.shift = fromZero ? first : 0;
        this.start = first - shift;
        this.end = last - shift;
    }

    /** The kernel address of shown address {@code address}. */
    public long toKernel(long address) {
        return address + shift;
    }

    /** The shown address of kernel address {@code address}. */
    public long fromKernel(long address) {
        return address - shift;
    }

    public int processHandle() {
        return processHandle;
    }

    @Override
    public long start() {
        return start;
    }

    @Override
    public long end() {
        return end;
    }

    /** Forgets the cached mapping list; the next read asks the kernel again. */
    public void invalidate() {
        maps = null;
    }

    @Override
    public void read(long address, byte[] data, CellKind[] kinds, int length) {
        calls.run(() -> {
            readKinds(address + shift, data, kinds, length);
            return null;
        });
    }

    @Override
    public int read(long address, byte[] dst, int length) {
        if (address < start || address >= end || length <= 0) {
            return 0;
        }
        int wanted = (int) Math.min(length, end - address);
        return calls.run(() -> readPrefix(address + shift, dst, wanted));
    }

    @Override
    public List<AddressRange> readableRanges(long from, long to) {
        long s0 = Math.max(from, start) + shift;
        long e0 = Math.min(to, end) + shift;
        List<AddressRange> out = new ArrayList<>();
        if (s0 >= e0) {
            return out;
        }
        List<Piece> pieces = calls.run(this::mappings).pieces;
        for (int i = firstEndingAfter(pieces, s0); i < pieces.size() && pieces.get(i).base < e0; i++) {
            Piece p = pieces.get(i);
            long s = Math.max(s0, p.base);
            long t = Math.min(e0, p.end);
            AddressRange last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && last.end() == s - shift) {
                out.set(out.size() - 1, new AddressRange(last.start(), t - shift)); // adjacent mappings: one stretch
            } else {
                out.add(new AddressRange(s - shift, t - shift));
            }
        }
        return out;
    }

    @Override
    public boolean readFailsAt(long address) {
        if (address < start || address >= end) {
            return false;
        }
        // the rest of its page: a file cut short inside a page fails there though the page's first bytes remain
        int rest = (int) Math.min(end - address, Kernel.PAGE_SIZE - ((address + shift) & (Kernel.PAGE_SIZE - 1)));
        byte[] page = new byte[rest];
        return calls.run(() -> kernel.readMemory(processHandle, address + shift, page, rest)).status() == Status.ERR_IO;
    }

    private synchronized void readKinds(long address, byte[] data, CellKind[] kinds, int length) {
        Arrays.fill(data, 0, length, (byte) 0);
        Maps known = mappings();
        List<Piece> pieces = known.pieces;
        if (known.refused) {
            // no address space to ask about (the process died, the handle went away)
            Arrays.fill(kinds, 0, length, CellKind.UNREADABLE);
            return;
        }
        Arrays.fill(kinds, 0, length, CellKind.UNMAPPED);
        long stop = address + length;
        for (int i = firstEndingAfter(pieces, address); i < pieces.size(); i++) {
            Piece p = pieces.get(i);
            if (p.base >= stop) {
                break;
            }
            long from = Math.max(address, p.base);
            long to = Math.min(stop, p.end);
            readPiece(p, from, to, data, kinds, (int) (from - address));
        }
    }

    /** Fills {@code [from, to)} of one mapping; whatever the kernel does not deliver is UNREADABLE. */
    private void readPiece(Piece p, long from, long to, byte[] data, CellKind[] kinds, int at) {
        long address = from;
        int index = at;
        while (address < to) {
            int want = (int) Math.min(CHUNK, to - address);
            int got = p.cached ? transfer(address, data, index, want, scratch(want)) : 0;
            Arrays.fill(kinds, index, index + got, p.kind);
            if (got < want) {
                // a short read stops at the VMO's end: the rest of the mapping has nothing behind it
                Arrays.fill(kinds, index + got, index + (int) (to - address), CellKind.UNREADABLE);
                return;
            }
            address += got;
            index += got;
        }
    }

    /** The readable bytes from {@code address} on: a read stops at each mapping's end, adjacent ones continue. */
    private int readPrefix(long address, byte[] dst, int length) {
        // the first mapping's part lands straight in dst, in one call and without a copy (a search reads 1 MiB
        // at a time); a read continuing into the next mapping goes through a buffer of its own, since a search
        // runs beside the view's reads
        IoResult first = kernel.readMemory(processHandle, address, dst, Math.min(length, Kernel.MAX_DEBUG_IO));
        // refused (a page that cannot be read, say): chunk by chunk, the bytes before it still count
        int done = first.status() == Status.OK ? (int) Math.min(length, first.actual()) : 0;
        byte[] buffer = done < length ? new byte[Math.min(CHUNK, length - done)] : null;
        while (done < length) {
            int want = Math.min(CHUNK, length - done);
            int got = transfer(address + done, dst, done, want, buffer);
            int inPage = (int) Math.min(want, Kernel.PAGE_SIZE - ((address + done) & (Kernel.PAGE_SIZE - 1)));
            if (got == 0 && want > inPage) {
                // refused: step a page at a time, so the read stops exactly at the page that fails
                got = transfer(address + done, dst, done, inPage, buffer);
            }
            if (got == 0) {
                break;
            }
            done += got;
        }
        return done;
    }

    private byte[] scratch(int want) {
        if (scratch.length < want) {
            scratch = new byte[Math.max(want, Kernel.PAGE_SIZE)];
        }
        return scratch;
    }

    private int transfer(long address, byte[] data, int index, int want, byte[] buffer) {
        IoResult r = kernel.readMemory(processHandle, address, buffer, want);
        if (r.status() != Status.OK) {
            return 0;
        }
        int got = (int) Math.min(want, r.actual());
        System.arraycopy(buffer, 0, data, index, got);
        return got;
    }

    private Maps mappings() {
        Maps known = maps;
        if (known == null) {
            MapsResult r = kernel.processMaps(processHandle);
            known = r.status() != Status.OK ? new Maps(List.of(), true) : new Maps(piecesOf(r.entries()), false);
            maps = known;
        }
        return known;
    }

    private List<Piece> piecesOf(List<MapEntry> entries) {
        List<Piece> out = new ArrayList<>();
        KernelInspector inspector = kernel.inspector();
        for (MapEntry e : entries) {
            if (!e.isMapping()) {
                continue;
            }
            var vmo = inspector.vmo(e.vmoKoid());
            boolean vdso = vmo.map(KernelInspector.VmoInfo::vdso).orElse(e.vmoKoid() == inspector.vdsoKoid());
            boolean cached = vmo.map(v -> v.cachePolicy() == CachePolicy.CACHED).orElse(true);
            out.add(new Piece(e.base(), e.end(), kindOf(e.permissions(), vdso), cached));
        }
        out.sort(Comparator.comparingLong(Piece::base));
        return out;
    }

    private static CellKind kindOf(int permissions, boolean vdso) {
        if (vdso) {
            return CellKind.VDSO;
        }
        if ((permissions & VmOptions.PERM_EXECUTE) != 0) {
            return CellKind.EXECUTABLE;
        }
        if ((permissions & VmOptions.PERM_WRITE) != 0) {
            return CellKind.WRITABLE;
        }
        return CellKind.READ_ONLY;
    }

    /** Index of the first mapping that ends after {@code address} (mappings are sorted and disjoint). */
    private static int firstEndingAfter(List<Piece> pieces, long address) {
        int lo = 0;
        int hi = pieces.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (pieces.get(mid).end <= address) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
