package memscope.model.fuzz;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.zip.CRC32;

import com.code_intelligence.jazzer.junit.FuzzTest;

import memscope.model.Kernel;
import memscope.model.SessionException;
import memscope.model.Sessions;

/**
 * Any bytes given as a session file either load into a sound kernel or are refused with a
 * {@link SessionException} whose message is short; an {@link IOException} from a readable file is a finding too.
 * Each input is loaded as it is and again with its sections' CRCs made right, so that the fuzzer reaches the
 * checks behind the checksums, and a third time as the history ({@code HIST}) of a small saved session that
 * recorded one, so that every input forges a history too; a loaded history must then answer every question
 * ({@link HistorySections#answers}). Seeds: {@code SessionFuzzTestInputs/loadSession/}.
 */
class SessionFuzzTest {
    private static final Path FILE = ScratchFiles.create(".msession");
    private static final int HEADER = 12;

    @FuzzTest(maxDuration = "10m")
    void loadSession(byte[] input) throws IOException {
        load(input);
        byte[] fixed = withRightChecksums(input);
        if (fixed != null) {
            load(fixed);
        }
        load(HistorySections.forge(input));
    }

    private static void load(byte[] bytes) throws IOException {
        Kernel kernel;
        try {
            kernel = Sessions.load(ScratchFiles.write(FILE, bytes));
        } catch (SessionException e) {
            Refusals.wellWorded(e);
            return;
        }
        WorldChecks.sound(kernel);
        HistorySections.answers(kernel);
    }

    /** A copy of {@code bytes} whose sections carry their true CRC32, or null when none changed. */
    static byte[] withRightChecksums(byte[] bytes) {
        byte[] out = bytes.clone();
        ByteBuffer b = ByteBuffer.wrap(out);
        boolean changed = false;
        int at = HEADER;
        while (at + 8 <= out.length) {
            long length = Integer.toUnsignedLong(b.getInt(at + 4));
            if (length > out.length - at - 12L) {
                break;
            }
            int crcAt = at + 8 + (int) length;
            CRC32 crc = new CRC32();
            crc.update(out, at, 8 + (int) length);
            if (b.getInt(crcAt) != (int) crc.getValue()) {
                b.putInt(crcAt, (int) crc.getValue());
                changed = true;
            }
            at = crcAt + 4;
        }
        return changed ? out : null;
    }
}
