package memscope.model;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Reads one section's payload, turning every short or malformed field into a {@link SessionException}. */
final class SessionPayload {
    private final String tag;
    private final ByteBuffer buf;

    SessionPayload(String tag, byte[] payload) {
        this.tag = tag;
        this.buf = ByteBuffer.wrap(payload);
    }

    long u64(String what) throws SessionException {
        need(8, what);
        return buf.getLong();
    }

    int u32(String what) throws SessionException {
        need(4, what);
        return buf.getInt();
    }

    int u8(String what) throws SessionException {
        need(1, what);
        return buf.get() & 0xff;
    }

    boolean bool(String what) throws SessionException {
        int v = u8(what);
        if (v > 1) {
            throw fail(what + " is " + v + ", not a boolean (0 or 1)");
        }
        return v == 1;
    }

    String string(String what) throws SessionException {
        need(2, what);
        int length = buf.getShort() & 0xffff;
        if (length > SessionFormat.MAX_STRING) {
            throw fail(what + " is " + length + " bytes long (at most " + SessionFormat.MAX_STRING + ")");
        }
        need(length, what);
        byte[] b = new byte[length];
        buf.get(b);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            throw fail(what + " is not valid UTF-8");
        }
    }

    void bytes(byte[] dst, String what) throws SessionException {
        need(dst.length, what);
        buf.get(dst);
    }

    /** A count of records each at least {@code recordBytes} long: refused if they cannot fit in what is left. */
    long count(String what, int recordBytes) throws SessionException {
        long n = u64("the number of " + what);
        if (n < 0 || n > buf.remaining() / recordBytes) {
            throw fail("absurd number of " + what + ": " + Long.toUnsignedString(n) + " in "
                    + buf.remaining() + " remaining bytes");
        }
        return n;
    }

    void end() throws SessionException {
        if (buf.hasRemaining()) {
            throw fail(buf.remaining() + " unexpected bytes after the last field");
        }
    }

    SessionException fail(String problem) {
        return new SessionException("section " + tag.trim() + " at byte " + buf.position() + ": " + problem);
    }

    private void need(int n, String what) throws SessionException {
        if (buf.remaining() < n) {
            throw fail("ends before " + what + " (" + n + " bytes needed, " + buf.remaining() + " left)");
        }
    }

}
