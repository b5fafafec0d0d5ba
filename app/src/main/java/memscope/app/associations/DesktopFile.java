package memscope.app.associations;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * What a file named alone on the command line is, by its extension: the desktop entry passes the file a user
 * opens as the only argument ({@code Exec=… %f}), for the associations in {@code app/src/packaging/associations/}.
 * A console script goes to the console and a session is loaded as a session; anything else is bytes to hex-edit,
 * as {@code --open FILE} always is.
 */
public enum DesktopFile {
    /** A console script ({@code text/x-memscope-script}). */
    SCRIPT("msc"),
    /** A saved session ({@code application/x-memscope-session}). */
    SESSION("memscope"),
    /** Any other file: its bytes. */
    BYTES(null);

    private final String extension;

    DesktopFile(String extension) {
        this.extension = extension;
    }

    /** The extension the desktop associates with this kind (no dot); empty for plain bytes. */
    public Optional<String> extension() {
        return Optional.ofNullable(extension);
    }

    /** The kind of {@code file} by its name; the desktop's globs ignore case, so this does too. */
    public static DesktopFile of(Path file) {
        Path name = file.getFileName();
        String lower = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        for (DesktopFile kind : values()) {
            if (kind.extension != null && lower.endsWith("." + kind.extension)) {
                return kind;
            }
        }
        return BYTES;
    }
}
