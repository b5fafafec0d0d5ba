package memscope.model;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

import memscope.model.text.Text;

/**
 * Reads a session file's framing: the header (magic, version), then each section's tag, length and CRC32, in
 * the order BOOT, OBJS, HNDL, PORT, PAGE*, END, with nothing after END. The payloads go to {@link SessionBuilder},
 * which builds a new kernel within the {@link SessionBudget} and, once END has been read, has it checked by
 * {@link SessionInvariants}; nothing else is touched, so a refused file changes nothing.
 */
final class SessionReader {
    private final DataInputStream in;
    private final long fileSize;
    private long position;
    private int sections;

    SessionReader(InputStream in, long fileSize) {
        this.in = new DataInputStream(in);
        this.fileSize = fileSize;
    }

    Kernel read(PageSourceResolver resolver) throws IOException, SessionException {
        if (fileSize == 0) {
            throw new SessionException(ModelWords.of("session.empty"));
        }
        byte[] magic = new byte[SessionFormat.MAGIC.length];
        readFully(magic, ModelWords.of("session.what.header"));
        if (!Arrays.equals(magic, SessionFormat.MAGIC)) {
            throw new SessionException(ModelWords.of("session.badMagic"));
        }
        byte[] versionBytes = new byte[4];
        readFully(versionBytes, ModelWords.of("session.what.header"));
        int version = ((versionBytes[0] & 0xff) << 8) | (versionBytes[1] & 0xff);
        int flags = ((versionBytes[2] & 0xff) << 8) | (versionBytes[3] & 0xff);
        if (version < SessionFormat.OLDEST_VERSION || version > SessionFormat.VERSION) {
            throw new SessionException(ModelWords.of("session.badVersion", version, SessionFormat.VERSION));
        }
        if (flags != 0) {
            throw new SessionException(ModelWords.of("session.badFlags", Integer.toHexString(flags)));
        }
        SessionBuilder builder = new SessionBuilder(resolver, fileSize);
        builder.boot(expect(SessionFormat.BOOT), version);
        builder.objects(expect(SessionFormat.OBJECTS));
        builder.handles(expect(SessionFormat.HANDLES));
        builder.ports(expect(SessionFormat.PORTS));
        java.io.ByteArrayOutputStream history = null;
        while (true) {
            int before = sections;
            Section s = next();
            if (s.tag.equals(SessionFormat.PAGES) && history == null) {
                builder.pages(s.payload());
                continue;
            }
            if (s.tag.equals(SessionFormat.HISTORY)) {
                history = history == null ? new java.io.ByteArrayOutputStream() : history;
                history.write(s.bytes);
                continue;
            }
            if (!s.tag.equals(SessionFormat.END)) {
                throw new SessionException(ModelWords.of("session.unexpectedSection", s.tag.trim()));
            }
            SessionPayload end = s.payload();
            int declared = end.u32(ModelWords.of("session.what.sectionCount"));
            end.end();
            if (declared != before) {
                throw new SessionException(ModelWords.of("session.sectionCount", declared, before));
            }
            break;
        }
        if (position != fileSize || in.read() != -1) {
            throw new SessionException(ModelWords.of("session.trailing", fileSize - position));
        }
        builder.finish();
        Kernel kernel = builder.kernel();
        if (history != null) {
            HistoryCodec.Image image = HistoryCodec.read(new SessionPayload(SessionFormat.HISTORY,
                    history.toByteArray()), kernel.state());
            kernel.state().history.restore(image);
        }
        return kernel;
    }

    private record Section(String tag, byte[] bytes) {
        SessionPayload payload() {
            return new SessionPayload(tag, bytes);
        }
    }

    private SessionPayload expect(String tag) throws IOException, SessionException {
        Section s = next();
        if (!s.tag.equals(tag)) {
            throw new SessionException(ModelWords.of("session.expectedSection", tag.trim(), s.tag.trim()));
        }
        return s.payload();
    }

    private Section next() throws IOException, SessionException {
        int number = sections + 1;
        long start = position;
        byte[] head = new byte[8];
        readFully(head, ModelWords.of("session.what.sectionHeader", number));
        String tag = new String(head, 0, 4, StandardCharsets.US_ASCII);
        long length = ((head[4] & 0xffL) << 24) | ((head[5] & 0xff) << 16) | ((head[6] & 0xff) << 8) | (head[7] & 0xff);
        if (length > SessionFormat.MAX_SECTION) {
            throw new SessionException(ModelWords.of("session.absurdLength", number, printable(tag), start, length));
        }
        if (length + 4 > fileSize - position) {
            throw new SessionException(ModelWords.of("session.truncatedSection", number, printable(tag), start,
                    length + 4, fileSize - position));
        }
        byte[] payload = new byte[(int) length];
        readFully(payload, ModelWords.of("session.what.section", tag));
        byte[] crcBytes = new byte[4];
        readFully(crcBytes, ModelWords.of("session.what.checksum", tag));
        CRC32 crc = new CRC32();
        crc.update(head);
        crc.update(payload);
        long stored = ((crcBytes[0] & 0xffL) << 24) | ((crcBytes[1] & 0xff) << 16) | ((crcBytes[2] & 0xff) << 8)
                | (crcBytes[3] & 0xff);
        if (crc.getValue() != stored) {
            throw new SessionException(ModelWords.of("session.badChecksum", number, printable(tag), start));
        }
        sections++;
        return new Section(tag, payload);
    }

    private void readFully(byte[] b, Text what) throws IOException, SessionException {
        try {
            in.readFully(b);
            position += b.length;
        } catch (EOFException e) {
            throw new SessionException(ModelWords.of("session.truncated", fileSize, what));
        }
    }

    private static String printable(String tag) {
        StringBuilder s = new StringBuilder();
        for (char c : tag.toCharArray()) {
            s.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\x%02x", (int) c));
        }
        return s.toString().trim();
    }
}
