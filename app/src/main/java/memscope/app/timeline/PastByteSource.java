package memscope.app.timeline;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import memscope.app.document.Document;
import memscope.app.hex.ByteSource;
import memscope.app.hex.CellKind;
import memscope.model.CachePolicy;
import memscope.model.KernelInspector;
import memscope.model.MapEntry;
import memscope.model.Moment;
import memscope.model.VmOptions;

/**
 * A process's address space as it was at one {@link Moment}: the maps then give the kinds (as the live view's
 * do), the bytes then come from the history. Read-only by nature: nothing here writes.
 */
final class PastByteSource implements ByteSource {
    private final Moment moment;
    private final long processKoid;
    private final long start;
    private final long end;
    private final List<MapEntry> maps;
    private final long vdsoKoid;
    /** Kernel address minus shown address: an open file shows its bytes from offset 0. */
    private final long shift;
    /** The document whose past this is (null when none is open). */
    private final Document document;

    PastByteSource(Moment moment, long processKoid, long start, long end, long vdsoKoid, long shift,
                   Document document) {
        this.moment = moment;
        this.processKoid = processKoid;
        this.start = start;
        this.end = end;
        this.maps = moment.maps(processKoid).stream().filter(MapEntry::isMapping).toList();
        this.vdsoKoid = vdsoKoid;
        this.shift = shift;
        this.document = document;
    }

    long sequence() {
        return moment.sequence();
    }

    Document document() {
        return document;
    }

    @Override
    public long start() {
        return start;
    }

    @Override
    public long end() {
        return end;
    }

    @Override
    public void read(long address, byte[] data, CellKind[] kinds, int length) {
        Arrays.fill(kinds, 0, length, CellKind.UNMAPPED);
        byte[] bytes = new byte[length];
        BitSet copied = new BitSet(length);
        long at = address + shift;
        moment.peekAll(processKoid, at, bytes, copied);
        System.arraycopy(bytes, 0, data, 0, length);
        long stop = at + length;
        for (MapEntry m : maps) {
            if (m.end() <= at || m.base() >= stop) {
                continue;
            }
            CellKind kind = kindOf(m);
            int from = (int) (Math.max(m.base(), at) - at);
            int to = (int) (Math.min(m.end(), stop) - at);
            for (int i = from; i < to; i++) {
                kinds[i] = copied.get(i) ? kind : CellKind.UNREADABLE;
            }
        }
    }

    private CellKind kindOf(MapEntry e) {
        var vmo = moment.vmo(e.vmoKoid());
        if (vmo.map(KernelInspector.VmoInfo::vdso).orElse(e.vmoKoid() == vdsoKoid)) {
            return CellKind.VDSO;
        }
        if (vmo.map(v -> v.cachePolicy() != CachePolicy.CACHED).orElse(false)) {
            return CellKind.UNREADABLE;
        }
        if ((e.permissions() & VmOptions.PERM_EXECUTE) != 0) {
            return CellKind.EXECUTABLE;
        }
        return (e.permissions() & VmOptions.PERM_WRITE) != 0 ? CellKind.WRITABLE : CellKind.READ_ONLY;
    }
}
