package memscope.model.file;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Where the save journal of a file lives: beside it ({@code .NAME.memscope-journal}), or, when its directory
 * cannot take a new file (read-only directory, writable file), in a per-user directory under a name made from
 * the file's path. Saving tries them in this order; opening looks in both.
 */
final class JournalPlaces {
    static final String SUFFIX = ".memscope-journal";
    /** Overrides the per-user directory (tests; a user whose home is not writable). */
    static final String USER_DIR_PROPERTY = "memscope.journals";

    private JournalPlaces() {
    }

    /** The places for the journal of {@code file} (absolute, symbolic links resolved), best first. */
    static List<Path> of(Path file) {
        String name = file.getFileName().toString();
        return List.of(file.resolveSibling("." + name + SUFFIX), userDir().resolve(digest(file) + SUFFIX));
    }

    static Path userDir() {
        String override = System.getProperty(USER_DIR_PROPERTY);
        if (override != null && !override.isEmpty()) {
            return Path.of(override);
        }
        String cache = System.getenv("XDG_CACHE_HOME");
        Path base = cache != null && !cache.isEmpty() ? Path.of(cache)
                : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("memscope").resolve("journals");
    }

    private static String digest(Path file) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256")
                    .digest(file.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
