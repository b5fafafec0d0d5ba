package memscope.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A session's history may only show a past moment's process with rows it could have had: a forged row of negative
 * size (found by SessionFuzzTest: the window's reader then asked for a negative-sized buffer) or a mapping row the
 * maps do not hold refuses the session; honest rows load.
 */
class PastMapRowsTest {
    private static final long PAGE = 4096;
    private final VmObject vmo = new VmObject(1024, "data", 4 * PAGE, false, false, null);

    /** A row as {@code StructureJournal.write} writes it. */
    private record Row(long base, long size, boolean mapping, long vmoOffset) {
    }

    /** A process snapshot section holding {@code rows} and {@code maps} ({base, size, offset}, all of {@link #vmo}). */
    private static byte[] section(List<Row> rows, List<long[]> maps) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(bytes);
        d.writeLong(1); // one process snapshot
        d.writeLong(3); // after call #3
        d.writeLong(1027);
        HistoryCodec.str(d, "app");
        d.writeBoolean(true);
        d.writeBoolean(true);
        d.writeLong(rows.size());
        for (Row r : rows) {
            HistoryCodec.str(d, r.mapping() ? "data" : "root");
            d.writeLong(r.base());
            d.writeLong(r.size());
            d.writeInt(r.mapping() ? 1 : 0);
            d.writeBoolean(r.mapping());
            d.writeInt(r.mapping() ? 3 : 0);
            d.writeLong(r.mapping() ? 1024 : 0);
            d.writeLong(r.vmoOffset());
        }
        d.writeLong(maps.size());
        for (long[] m : maps) {
            d.writeLong(m[0]);
            d.writeLong(m[1]);
            d.writeLong(m[2]);
            d.writeLong(1024);
        }
        d.writeLong(0); // no VMO snapshots
        d.writeLong(0); // no handle tables
        return bytes.toByteArray();
    }

    private List<StructureJournal.Snapshot> read(byte[] section) throws SessionException {
        return StructureJournal.read(new SessionPayload("HIST", section), 10, koid -> vmo);
    }

    private static final Row ROOT = new Row(0x1000000, 0x100000, false, 0);

    @Test
    void honestRowsLoad() throws Exception {
        var snaps = read(section(List.of(ROOT, new Row(0x1000000, 2 * PAGE, true, PAGE)),
                List.<long[]>of(new long[] {0x1000000, 2 * PAGE, PAGE})));
        assertEquals(1, snaps.size());
        var process = (StructureJournal.ProcessSnap) snaps.get(0).snap();
        assertEquals(2, process.entries().size());
    }

    @Test
    void aRowOfNegativeSizeRefusesTheSession() throws Exception {
        byte[] forged = section(List.of(new Row(0x7ffffff5efffL, -647168, false, 0)), List.of());
        SessionException e = assertThrows(SessionException.class, () -> read(forged));
        assertTrue(e.getMessage().contains("-647168"), e.getMessage());
    }

    @Test
    void aRowThatWrapsRefusesTheSession() throws Exception {
        byte[] forged = section(List.of(new Row(Long.MAX_VALUE - PAGE, 2 * PAGE, false, 0)), List.of());
        assertThrows(SessionException.class, () -> read(forged));
    }

    @Test
    void aMappingRowTheMapsDoNotHoldRefusesTheSession() throws Exception {
        long[] map = {0x1000000, 2 * PAGE, 0};
        assertThrows(SessionException.class, () -> read(section(List.of(ROOT, new Row(0x1000000, 8 * PAGE, true, 0)),
                List.<long[]>of(map))), "a row larger than its map");
        assertThrows(SessionException.class, () -> read(section(List.of(ROOT), List.<long[]>of(map))),
                "a map with no row");
        assertThrows(SessionException.class, () -> read(section(List.of(ROOT, new Row(0x1000000, 2 * PAGE, true, 0)),
                List.of())), "a row with no map");
    }
}
