package memscope.model.elf;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import memscope.model.PageSource;
import memscope.model.PageSourceResolver;
import memscope.model.SessionException;

/**
 * Reopens the segments of executables and core dumps a saved session names ({@code elf:} descriptors, see
 * {@link SegmentSource#sessionDescriptor()}), so a session holds only their edited pages, not the file's bytes. A
 * file that is gone, or whose size, modification time or headers are not those the session recorded, is refused
 * naming the file: its bytes would no longer be the ones that were saved around.
 */
public final class ElfPageSources {
    /** How the descriptors start. */
    public static final String SCHEME = "elf:";
    static final String EXEC = "exec";
    static final String CORE = "core";

    private ElfPageSources() {
    }

    /** Reopens {@code elf:} descriptors and passes every other descriptor to {@code others}. */
    public static PageSourceResolver resolver(PageSourceResolver others) {
        return (descriptor, vmoSize) -> descriptor.startsWith(SCHEME) ? open(descriptor, vmoSize)
                : others.open(descriptor, vmoSize);
    }

    private static PageSource open(String descriptor, long vmoSize) throws SessionException {
        String[] f = descriptor.substring(SCHEME.length()).split(",", 6);
        if (f.length != 6 || !(f[0].equals(EXEC) || f[0].equals(CORE))) {
            throw bad(descriptor);
        }
        long offset;
        long bytes;
        int segment;
        Path path;
        try {
            offset = Long.parseLong(f[1], 16);
            bytes = Long.parseLong(f[2], 16);
            segment = Integer.parseInt(f[3]);
            path = Path.of(f[5]);
        } catch (NumberFormatException | InvalidPathException e) {
            throw bad(descriptor);
        }
        if (offset < 0 || bytes < 0 || segment < 0 || !path.isAbsolute()) {
            throw bad(descriptor);
        }
        if (!Files.isRegularFile(path)) {
            throw new SessionException(ElfWords.of("session.missing", path));
        }
        FileChannel ch = null;
        try {
            ch = FileChannel.open(path, StandardOpenOption.READ);
            FileFingerprint now = FileFingerprint.of(path, ch);
            if (!now.toString().equals(f[4])) {
                throw new SessionException(ElfWords.of("session.changed", path));
            }
            if (bytes > now.size() - Math.min(offset, now.size()) || offset > now.size()) {
                throw bad(descriptor);
            }
            return new SegmentSource(path, ch, offset, bytes, f[0].equals(EXEC), segment, now);
        } catch (IOException e) {
            closeQuietly(ch);
            throw new SessionException(ElfWords.of("session.cannotRead", path, ElfFile.reason(e)), e);
        } catch (SessionException e) {
            closeQuietly(ch);
            throw e;
        }
    }

    private static SessionException bad(String descriptor) {
        return new SessionException(ElfWords.of("session.badDescriptor",
                descriptor.length() > 200 ? descriptor.substring(0, 200) + "…" : descriptor));
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // the refusal is what the caller needs to hear
            }
        }
    }
}
