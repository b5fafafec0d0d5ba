package memscope.model;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

import memscope.model.io.RegularFiles;

/**
 * Saves the whole simulated state to a file and loads it back exactly: boot options, processes (alive or dead,
 * with names), VMOs (size, cache policy, resizability and written pages), VMARs and mappings (with permissions
 * and maximum permissions), handles (same values and rights) and koids. Format: resources/sessions/FORMAT.md.
 *
 * <p>Loading always builds a new {@link Kernel}; a refused file leaves whatever is open untouched.
 */
public final class Sessions {
    private Sessions() {
    }

    /** Writes the session atomically: into a temporary file beside {@code file}, forced, then renamed. */
    public static void save(Kernel kernel, Path file) throws IOException, SessionException {
        Path target = file.toAbsolutePath();
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE);
                 OutputStream out = new BufferedOutputStream(java.nio.channels.Channels.newOutputStream(ch), 1 << 16)) {
                new SessionWriter(kernel).write(out);
                out.flush();
                ch.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | SessionException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    /** Loads a session without file-backed VMOs (see {@link #load(Path, PageSourceResolver)}). */
    public static Kernel load(Path file) throws IOException, SessionException {
        return load(file, PageSourceResolver.NONE);
    }

    /** Loads a session into a new kernel; {@code resolver} reopens the sources of file-backed VMOs. */
    public static Kernel load(Path file, PageSourceResolver resolver) throws IOException, SessionException {
        RegularFiles.requireRegular(file); // a FIFO would block the open below forever
        long size = Files.size(file);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return new SessionReader(in, size).read(resolver);
        } catch (SessionException e) {
            throw new SessionException(ModelWords.of("session.inFile", file.getFileName(), e.text()), e.getCause());
        }
    }
}
