package memscope.model;

import java.nio.charset.StandardCharsets;

/**
 * Constants of the session file format, version 2 (documented in resources/sessions/FORMAT.md): a header, then
 * sections framed as tag, length, payload, CRC32; every number big-endian.
 */
final class SessionFormat {
    static final byte[] MAGIC = "MEMSCOPE".getBytes(StandardCharsets.US_ASCII);
    /** The version written. Version 2 added the fidelity to BOOT; version 1 files still load, as documented. */
    static final int VERSION = 2;
    static final int OLDEST_VERSION = 1;
    /** The first version whose BOOT section carries the fidelity. */
    static final int FIDELITY_SINCE = 2;
    static final int HEADER_SIZE = MAGIC.length + 4;
    /** tag + length before the payload, CRC after it. */
    static final int FRAME_OVERHEAD = 4 + 4 + 4;
    /** No section is larger: page sections are split well below it. */
    static final int MAX_SECTION = 64 << 20;
    static final int PAGES_PER_SECTION = 4096;
    static final int MAX_STRING = 4096;

    static final String BOOT = "BOOT";
    static final String OBJECTS = "OBJS";
    static final String HANDLES = "HNDL";
    static final String PORTS = "PORT";
    static final String PAGES = "PAGE";
    /** The history (0 or more, after the pages): one byte stream cut into sections, see {@link HistoryCodec}. */
    static final String HISTORY = "HIST";
    /** A history section's most bytes. */
    static final int HISTORY_CHUNK = 16 << 20;
    static final String END = "END ";

    static final int SOURCE_ZERO = 0;
    static final int SOURCE_DESCRIBED = 1;

    private SessionFormat() {
    }
}
