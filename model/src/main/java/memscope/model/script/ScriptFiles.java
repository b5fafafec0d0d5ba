package memscope.model.script;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Collectors;

import memscope.model.History;
import memscope.model.history.Caller;
import memscope.model.io.RegularFiles;

/**
 * Scripts on disk: plain UTF-8 text, one command per line, {@code #} comments. Saving writes the text as is
 * (with a final newline); replaying parses the whole file first, so a broken file runs nothing.
 */
public final class ScriptFiles {
    /** The extension the app offers in its file chooser. */
    public static final String EXTENSION = ".msc";
    /** A script is typed by a person; a file larger than this is surely not one, and is not read whole. */
    public static final int MAX_FILE_BYTES = 1024 * 1024;

    private ScriptFiles() {
    }

    /**
     * The text of {@code file}; throws {@link ScriptTooLargeException} beyond {@link #MAX_FILE_BYTES} and a
     * {@link java.nio.charset.CharacterCodingException} if it is not UTF-8; anything but a regular file is refused
     * before it is opened.
     */
    public static String load(Path file) throws IOException {
        RegularFiles.requireRegular(file); // a FIFO would block the read forever
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw new ScriptTooLargeException(MAX_FILE_BYTES);
        }
        return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    }

    /** Writes a temporary file beside {@code file} and moves it over, so a failed save leaves the old file whole. */
    public static void save(Path file, String script) throws IOException {
        String text = script.endsWith("\n") || script.isEmpty() ? script : script + "\n";
        Path dir = file.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Saves the commands of a transcript (e.g. what the person typed at the prompt) as a replayable script. */
    public static void save(Path file, List<CommandResult> transcript) throws IOException {
        save(file, transcript.stream().map(r -> r.command().text()).collect(Collectors.joining("\n")));
    }

    /** Loads {@code file} and runs it in {@code session}: all of it, or nothing if any line has an error. */
    public static RunResult replay(Path file, ConsoleSession session) throws IOException {
        String script = load(file);
        try (History.Scope s = session.kernel().history().as(Caller.SCRIPT)) {
            return session.run(script);
        }
    }
}
