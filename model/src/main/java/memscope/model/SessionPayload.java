package memscope.model;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import memscope.model.text.Text;

/** Reads one section's payload, turning every short or malformed field into a {@link SessionException}. */
final class SessionPayload {
    private final String tag;
    private final ByteBuffer buf;

    SessionPayload(String tag, byte[] payload) {
        this.tag = tag;
        this.buf = ByteBuffer.wrap(payload);
    }

    long u64(Text what) throws SessionException {
        need(8, what);
        return buf.getLong();
    }

    int u32(Text what) throws SessionException {
        need(4, what);
        return buf.getInt();
    }

    int u8(Text what) throws SessionException {
        need(1, what);
        return buf.get() & 0xff;
    }

    boolean bool(Text what) throws SessionException {
        int v = u8(what);
        if (v > 1) {
            throw fail(ModelWords.of("session.field.notBoolean", what, v));
        }
        return v == 1;
    }

    String string(Text what) throws SessionException {
        need(2, what);
        int length = buf.getShort() & 0xffff;
        if (length > SessionFormat.MAX_STRING) {
            throw fail(ModelWords.of("session.field.stringTooLong", what, length, SessionFormat.MAX_STRING));
        }
        need(length, what);
        byte[] b = new byte[length];
        buf.get(b);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            throw fail(ModelWords.of("session.field.notUtf8", what));
        }
    }

    void bytes(byte[] dst, Text what) throws SessionException {
        need(dst.length, what);
        buf.get(dst);
    }

    /** A count of records each at least {@code recordBytes} long: refused if they cannot fit in what is left. */
    long count(Text what, int recordBytes) throws SessionException {
        long n = u64(ModelWords.of("session.what.countOf", what));
        if (n < 0 || n > buf.remaining() / recordBytes) {
            throw fail(ModelWords.of("session.field.absurdCount", what, Long.toUnsignedString(n), buf.remaining()));
        }
        return n;
    }

    void end() throws SessionException {
        if (buf.hasRemaining()) {
            throw fail(ModelWords.of("session.field.trailing", buf.remaining()));
        }
    }

    SessionException fail(Text problem) {
        return new SessionException(ModelWords.of("session.field.problem", tag.trim(), buf.position(), problem));
    }

    private void need(int n, Text what) throws SessionException {
        if (buf.remaining() < n) {
            throw fail(ModelWords.of("session.field.endsBefore", what, n, buf.remaining()));
        }
    }

}
