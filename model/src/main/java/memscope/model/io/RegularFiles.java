package memscope.model.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

import memscope.model.text.Text;

/**
 * The one check every reader of a person's file makes before opening it: the path (after following symbolic
 * links, so a link to a FIFO is a FIFO) must be a regular file. Java cannot open without blocking, and opening a
 * FIFO for reading waits until some other program opens it for writing, perhaps forever; a device or a socket is
 * no document either. {@link #openForReading} also checks after the open that the file is still the one checked.
 */
public final class RegularFiles {
    /** The file-type bits of a Unix mode ({@code S_IFMT}) and the types MemScope names. */
    private static final int S_IFMT = 0170000;
    private static final int S_IFIFO = 0010000;
    private static final int S_IFCHR = 0020000;
    private static final int S_IFDIR = 0040000;
    private static final int S_IFBLK = 0060000;
    private static final int S_IFSOCK = 0140000;

    private RegularFiles() {
    }

    /**
     * Refuses {@code file} unless it is a regular file: {@link NotRegularFileException} names what it is. A file
     * that does not exist or cannot be looked at throws the file system's own exception, as opening it would.
     */
    public static void requireRegular(Path file) throws IOException {
        attributes(file);
    }

    /**
     * Opens {@code file} for reading once {@link #requireRegular} passes, then checks that the opened file is the
     * one that was checked (someone could swap it in between); a swapped file is refused, not read.
     */
    public static FileChannel openForReading(Path file) throws IOException {
        BasicFileAttributes before = attributes(file);
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        try {
            BasicFileAttributes after = attributes(file);
            Object key = before.fileKey();
            if (key != null && !Objects.equals(key, after.fileKey())) {
                throw new ReplacedFileException(file);
            }
            return ch;
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    private static BasicFileAttributes attributes(Path file) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class); // follows links
        if (!a.isRegularFile()) {
            throw new NotRegularFileException(file, kind(file, a));
        }
        return a;
    }

    /** What a non-regular file is, as precisely as the platform tells. */
    private static Text kind(Path file, BasicFileAttributes a) {
        if (a.isDirectory()) {
            return IoWords.of("kind.directory");
        }
        try {
            int type = ((Integer) Files.getAttribute(file, "unix:mode")) & S_IFMT;
            return switch (type) {
                case S_IFIFO -> IoWords.of("kind.fifo");
                case S_IFCHR -> IoWords.of("kind.characterDevice");
                case S_IFBLK -> IoWords.of("kind.blockDevice");
                case S_IFSOCK -> IoWords.of("kind.socket");
                case S_IFDIR -> IoWords.of("kind.directory");
                default -> IoWords.of("kind.special");
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return IoWords.of("kind.special"); // not Unix, or it vanished meanwhile: still not a regular file
        }
    }
}
