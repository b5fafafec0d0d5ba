package memscope.app.hex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
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
 * A process's whole user address space as a {@link ByteSource}. Bytes come from {@code readMemory} with the given
 * handle, one read per mapping piece so a window spanning a hole still fills its mapped parts; the kinds come from
 * the process's mappings, cached until {@link #invalidate()} (call it after a structure change).
 */
public final class KernelByteSource implements ByteSource {
    /** Reads larger than this are split: keeps the scratch buffer small whatever a caller asks for. */
    private static final int CHUNK = 64 * 1024;

    private final Kernel kernel;
    private final int processHandle;
    private List<Piece> mappings;
    private boolean mapsRefused;
    private byte[] scratch = new byte[0];

    /** One mapping: its range and how its bytes are shown. */
    private record Piece(long base, long end, CellKind kind, boolean cached) {
    }

    /**
     * @param processHandle a process handle with READ and WRITE rights, as {@code zx_process_read_memory} needs
     * @throws IllegalArgumentException when the handle is unknown, not a process, or lacks READ or WRITE
     */
    public KernelByteSource(Kernel kernel, int processHandle) {
        if (kernel == null) {
            throw new IllegalArgumentException("KernelByteSource needs a kernel, got null");
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
    }

    public int processHandle() {
        return processHandle;
    }

    @Override
    public long start() {
        return Kernel.USER_ASPACE_BASE;
    }

    @Override
    public long end() {
        return Kernel.USER_ASPACE_END;
    }

    /** Forgets the cached mapping list; the next read asks the kernel again. */
    public void invalidate() {
        mappings = null;
        mapsRefused = false;
    }

    @Override
    public void read(long address, byte[] data, CellKind[] kinds, int length) {
        Arrays.fill(data, 0, length, (byte) 0);
        List<Piece> pieces = mappings();
        if (mapsRefused) {
            // no address space to ask about (the process died, the handle went away)
            Arrays.fill(kinds, 0, length, CellKind.UNREADABLE);
            return;
        }
        Arrays.fill(kinds, 0, length, CellKind.UNMAPPED);
        long end = address + length;
        for (int i = firstEndingAfter(pieces, address); i < pieces.size(); i++) {
            Piece p = pieces.get(i);
            if (p.base >= end) {
                break;
            }
            long from = Math.max(address, p.base);
            long to = Math.min(end, p.end);
            readPiece(p, from, to, data, kinds, (int) (from - address));
        }
    }

    /** Fills {@code [from, to)} of one mapping; whatever the kernel does not deliver is UNREADABLE. */
    private void readPiece(Piece p, long from, long to, byte[] data, CellKind[] kinds, int at) {
        long address = from;
        int index = at;
        while (address < to) {
            int want = (int) Math.min(CHUNK, to - address);
            int got = p.cached ? transfer(address, data, index, want) : 0;
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

    private int transfer(long address, byte[] data, int index, int want) {
        if (scratch.length < want) {
            scratch = new byte[Math.max(want, Kernel.PAGE_SIZE)];
        }
        IoResult r = kernel.readMemory(processHandle, address, scratch, want);
        if (r.status() != Status.OK) {
            return 0;
        }
        int got = (int) Math.min(want, r.actual());
        System.arraycopy(scratch, 0, data, index, got);
        return got;
    }

    private List<Piece> mappings() {
        if (mappings == null) {
            MapsResult maps = kernel.processMaps(processHandle);
            mapsRefused = maps.status() != Status.OK;
            mappings = mapsRefused ? List.of() : piecesOf(maps.entries());
        }
        return mappings;
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
