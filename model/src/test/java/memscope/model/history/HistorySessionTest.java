package memscope.model.history;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.zip.CRC32;
import memscope.model.BootOptions;
import memscope.model.History;
import memscope.model.Kernel;
import memscope.model.KernelInspector;
import memscope.model.MapEntry;
import memscope.model.Moment;
import memscope.model.ProcessResult;
import memscope.model.SessionException;
import memscope.model.Sessions;
import memscope.model.Status;
import memscope.model.VmOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A session keeps the history: every moment, writer and number comes back; a damaged history is refused. */
class HistorySessionTest {
    private static final int PAGE = Kernel.PAGE_SIZE;
    private static final int RW = VmOptions.PERM_READ | VmOptions.PERM_WRITE;

    @TempDir
    Path dir;

    /** A history with writes, a shrink, a kill, and a VMO that only the history still knows (closed, unmapped). */
    private Kernel recorded() {
        Kernel k = Kernel.boot(BootOptions.defaults().withDebuggingSyscalls(true));
        ProcessResult a = k.processCreate("a");
        k.history().start();
        ProcessResult b = k.processCreate("b");
        int vmo = k.vmoCreate(4 * PAGE, Kernel.VMO_RESIZABLE).handle();
        long at = k.vmarMap(a.rootVmar(), RW, 0, vmo, 0, 4 * PAGE).address();
        int gone = k.vmoCreate(PAGE, 0).handle();
        long goneAt = k.vmarMap(b.rootVmar(), RW, 0, gone, 0, PAGE).address();
        try (History.Scope s = k.history().as(Caller.EDITOR)) {
            k.writeMemory(a.process(), at + 5, new byte[] {1, 2, 3}, 3);
            k.writeMemory(b.process(), goneAt + 7, new byte[] {9, 9}, 2);
        }
        k.writeMemory(a.process(), at + 3 * PAGE, new byte[] {4}, 1);
        k.vmoSetSize(vmo, PAGE);
        k.handleClose(gone);
        k.vmarUnmap(b.rootVmar(), goneAt, PAGE);
        k.writeMemory(a.process(), 0x10, new byte[1], 1); // refused: a mark
        k.taskKill(b.process());
        return k;
    }

    @Test
    void everyMomentWriterAndNumberComesBack() throws Exception {
        Kernel k = recorded();
        Path file = dir.resolve("s.msession");
        Sessions.save(k, file);
        Kernel loaded = Sessions.load(file);
        History before = k.history();
        History after = loaded.history();
        assertTrue(after.recording());
        assertEquals(before.horizon(), after.horizon());
        assertEquals(before.steps(), after.steps());
        for (long n = before.horizon(); n <= before.now(); n++) {
            assertSameMoment(before.at(n).orElseThrow(), after.at(n).orElseThrow(), "moment " + n);
        }
        long vmoKoid = k.inspector().handles().stream().filter(h -> h.type() == memscope.model.ObjectType.VMO)
                .findFirst().orElseThrow().koid();
        assertEquals(before.writersOf(vmoKoid, 6), after.writersOf(vmoKoid, 6));
        assertEquals(1, after.writersOf(vmoKoid, 6).size());
        assertEquals(Caller.EDITOR, after.writersOf(vmoKoid, 6).get(0).step().caller());
        // numbering goes on after the saved calls
        ProcessResult c = loaded.processCreate("c");
        assertEquals(Status.OK, c.status());
        assertTrue(after.now() > before.now());
    }

    static void assertSameMoment(Moment want, Moment got, String where) {
        assertEquals(want.processes(), got.processes(), where);
        assertEquals(want.handles(), got.handles(), where);
        for (KernelInspector.ProcessInfo p : want.processes()) {
            List<MapEntry> maps = want.maps(p.koid());
            assertEquals(maps, got.maps(p.koid()), where);
            for (MapEntry e : maps) {
                if (e.isMapping() && e.size() <= 64 * PAGE) {
                    byte[] x = new byte[(int) e.size()];
                    byte[] y = new byte[x.length];
                    BitSet cx = new BitSet();
                    BitSet cy = new BitSet();
                    assertEquals(want.peekAll(p.koid(), e.base(), x, cx), got.peekAll(p.koid(), e.base(), y, cy));
                    assertEquals(cx, cy, where);
                    assertArrayEquals(x, y, where + " at " + Long.toHexString(e.base()));
                }
            }
        }
    }

    @Test
    void aDamagedHistoryRefusesTheSession() throws Exception {
        Path file = dir.resolve("s.msession");
        Sessions.save(recorded(), file);
        byte[] good = Files.readAllBytes(file);

        String version = refusal(good, payload -> payload.putInt(0, 2));
        assertTrue(version.contains("history version 2"), version);
        String order = refusal(good, payload -> payload.putLong(4, Long.MAX_VALUE));
        assertTrue(order.contains("out of order"), order);
        String crc = refusal(good, payload -> payload.put(30, (byte) (payload.get(30) ^ 1)), false);
        assertTrue(crc.contains("HIST") && crc.contains("checksum"), crc);
    }

    interface Damage {
        void apply(ByteBuffer payload);
    }

    private String refusal(byte[] session, Damage damage) throws Exception {
        return refusal(session, damage, true);
    }

    /** Damages the first HIST payload in place (recomputing its CRC when {@code fixCrc}) and loads it. */
    private String refusal(byte[] session, Damage damage, boolean fixCrc) throws Exception {
        byte[] b = session.clone();
        int at = 12;
        while (!new String(b, at, 4, StandardCharsets.US_ASCII).equals("HIST")) {
            at += 12 + ByteBuffer.wrap(b, at + 4, 4).getInt();
        }
        int length = ByteBuffer.wrap(b, at + 4, 4).getInt();
        damage.apply(ByteBuffer.wrap(b, at + 8, length).slice());
        if (fixCrc) {
            CRC32 crc = new CRC32();
            crc.update(b, at, 8 + length);
            ByteBuffer.wrap(b).putInt(at + 8 + length, (int) crc.getValue());
        }
        Path damaged = dir.resolve("damaged.msession");
        Files.write(damaged, b);
        return assertThrows(SessionException.class, () -> Sessions.load(damaged)).getMessage();
    }
}
