package memscope.model.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

import memscope.model.BootOptions;
import memscope.model.History;
import memscope.model.Kernel;
import memscope.model.KernelInspector;
import memscope.model.MapEntry;
import memscope.model.Moment;
import memscope.model.ObjectType;
import memscope.model.ProcessResult;
import memscope.model.SessionException;
import memscope.model.Sessions;
import memscope.model.VmOptions;

/**
 * Forged {@code HIST} sections for the session fuzz target: a small saved session whose kernel recorded a history
 * (writes, a map and an unmap, a VMO only the history still knows, a kill), with its history replaced by any bytes;
 * and the questions a loaded history must answer without throwing.
 */
public final class HistorySections {
    private static final int HEADER = 12;
    private static final String HIST = "HIST";
    private static final String END = "END ";
    /** The base session's sections before its history, and its history stream. */
    private static final List<byte[]> BEFORE = new ArrayList<>();
    static final byte[] HISTORY;

    static {
        try {
            byte[] session = baseSession();
            ByteBuffer b = ByteBuffer.wrap(session);
            ByteArrayOutputStream history = new ByteArrayOutputStream();
            BEFORE.add(java.util.Arrays.copyOf(session, HEADER));
            int at = HEADER;
            while (at + 12 <= session.length) {
                String tag = new String(session, at, 4, StandardCharsets.US_ASCII);
                int length = b.getInt(at + 4);
                if (tag.equals(HIST)) {
                    history.write(session, at + 8, length);
                } else if (!tag.equals(END)) {
                    BEFORE.add(java.util.Arrays.copyOfRange(session, at, at + 12 + length));
                }
                at += 12 + length;
            }
            HISTORY = history.toByteArray();
        } catch (IOException | SessionException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private HistorySections() {
    }

    /**
     * Writes the two history seeds of {@code SessionFuzzTestInputs/loadSession/}: the base session and its
     * history stream alone. Run from the repository root after {@code mvn -pl model test-compile}.
     */
    public static void main(String[] args) throws IOException, SessionException {
        Path dir = Path.of("model/src/test/resources/memscope/model/fuzz/SessionFuzzTestInputs/loadSession");
        Files.write(dir.resolve("history-session.msession"), baseSession());
        Files.write(dir.resolve("history-stream.bin"), HISTORY);
    }

    /** A session with a history worth forging: every kind of call the history records. */
    static byte[] baseSession() throws IOException, SessionException {
        Kernel k = Kernel.boot(BootOptions.defaults().withDebuggingSyscalls(true));
        int rw = VmOptions.PERM_READ | VmOptions.PERM_WRITE;
        ProcessResult p = k.processCreate("app");
        ProcessResult q = k.processCreate("logger");
        int vmo = k.vmoCreate(4 * 4096, 2).handle();
        int gone = k.vmoCreate(4096, 0).handle();
        k.history().start();
        long base = k.vmarMap(p.rootVmar(), rw, 0, vmo, 0, 4 * 4096).address();
        k.writeMemory(p.process(), base + 10, new byte[] {1, 2, 3}, 3);
        long other = k.vmarMap(q.rootVmar(), rw, 0, gone, 0, 4096).address();
        k.writeMemory(q.process(), other, new byte[] {9, 9}, 2);
        k.vmarUnmap(q.rootVmar(), other, 4096);
        k.handleClose(gone);
        byte[] page = new byte[4096];
        java.util.Arrays.fill(page, (byte) 0x5a);
        k.vmoWrite(vmo, page, 4096, 4096);
        k.vmoSetSize(vmo, 2 * 4096);
        k.writeMemory(p.process(), base + 4090, new byte[] {5, 6, 7, 8, 9, 10, 11, 12}, 8);
        k.taskKill(q.process());
        Path file = ScratchFiles.create(".msession");
        Sessions.save(k, file);
        return Files.readAllBytes(file);
    }

    /** The base session with {@code history} as its one {@code HIST} section (right length and CRC). */
    static byte[] forge(byte[] history) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : BEFORE) {
            out.writeBytes(part);
        }
        section(out, HIST, history);
        section(out, END, ByteBuffer.allocate(4).putInt(BEFORE.size()).array());
        return out.toByteArray();
    }

    private static void section(ByteArrayOutputStream out, String tag, byte[] payload) {
        ByteBuffer head = ByteBuffer.allocate(8);
        head.put(tag.getBytes(StandardCharsets.US_ASCII)).putInt(payload.length);
        CRC32 crc = new CRC32();
        crc.update(head.array());
        crc.update(payload);
        out.writeBytes(head.array());
        out.writeBytes(payload);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** Asks a loaded history every question the window asks; any exception is a finding. */
    static void answers(Kernel kernel) {
        History h = kernel.history();
        if (!h.recording()) {
            return;
        }
        long horizon = h.horizon();
        long now = h.now();
        h.steps();
        for (long at : new long[] {horizon, (horizon >> 1) + (now >> 1), now}) {
            Moment m = h.at(at).orElse(null);
            if (m == null) {
                continue;
            }
            m.handles();
            for (KernelInspector.ProcessInfo p : m.processes()) {
                List<MapEntry> maps = m.maps(p.koid());
                for (MapEntry e : maps.subList(0, Math.min(maps.size(), 16))) {
                    byte[] some = new byte[(int) Math.min(e.size(), 8192)];
                    m.peek(p.koid(), e.base(), some);
                }
            }
        }
        h.diff(horizon, now);
        for (KernelInspector.HandleInfo v : kernel.inspector().handles()) {
            if (v.type() == ObjectType.VMO) {
                h.writersOf(v.koid(), 10);
            }
        }
    }
}
