package memscope.model.file;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import memscope.model.text.Text;

/**
 * The temporary files of saves that never finished (the process was killed): {@link AtomicFileWriter} writes
 * {@code .NAME.<digits>.memscope-save} beside NAME, and only a crash leaves one behind. Opening NAME removes those
 * that are provably strays: exactly that name, a regular file, not being written by a save of this process (which
 * registers its temp file here) nor of another one (which holds a lock on it), and not touched for a while (a
 * save that has just created its file has not locked it yet).
 */
final class StrayTempFiles {
    /** Older than this, an unlocked temp file is no save's work in progress. */
    static final Duration MIN_AGE = Duration.ofSeconds(10);

    private static final Set<Path> WRITING = ConcurrentHashMap.newKeySet();

    private StrayTempFiles() {
    }

    /** The prefix {@link AtomicFileWriter} gives the temp files of {@code fileName}. */
    static String prefix(String fileName) {
        return "." + fileName + ".";
    }

    /** A save of this process is writing {@code temp}: never a stray, whatever its age or lock. */
    static void writing(Path temp) {
        WRITING.add(temp.toAbsolutePath());
    }

    static void done(Path temp) {
        WRITING.remove(temp.toAbsolutePath());
    }

    /** Whether {@code candidate} is named as a temp file of a save of {@code fileName}. */
    static boolean isTempNameOf(String fileName, String candidate) {
        String prefix = prefix(fileName);
        String suffix = AtomicFileWriter.TEMP_SUFFIX;
        if (!candidate.startsWith(prefix) || !candidate.endsWith(suffix)
                || candidate.length() <= prefix.length() + suffix.length()) {
            return false;
        }
        // Files.createTempFile puts an unsigned decimal number between prefix and suffix
        String middle = candidate.substring(prefix.length(), candidate.length() - suffix.length());
        return middle.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** Removes the strays of {@code file}; says what it removed, or could not. Never throws. */
    static List<Text> removeFor(Path file) {
        List<Text> notes = new ArrayList<>();
        Path target;
        try {
            // a save through a symbolic link writes beside the file it points to
            target = (Files.isSymbolicLink(file) ? file.toRealPath() : file).toAbsolutePath();
        } catch (IOException e) {
            return notes;
        }
        Path dir = target.getParent();
        if (dir == null || target.getFileName() == null) {
            return notes;
        }
        String name = target.getFileName().toString();
        Instant before = Instant.now().minus(MIN_AGE);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir,
                p -> p.getFileName() != null && isTempNameOf(name, p.getFileName().toString()))) {
            for (Path candidate : entries) {
                removeIfStray(candidate, before, notes);
            }
        } catch (IOException | RuntimeException e) {
            notes.add(FileWords.of("stray.cannotList", dir, FileException.reason(e)));
        }
        return notes;
    }

    private static void removeIfStray(Path candidate, Instant before, List<Text> notes) {
        try {
            BasicFileAttributes a = Files.readAttributes(candidate, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (!a.isRegularFile() || WRITING.contains(candidate.toAbsolutePath())
                    || a.lastModifiedTime().toInstant().isAfter(before)) {
                return;
            }
            try (FileChannel ch = FileChannel.open(candidate, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                FileLock lock = ch.tryLock();
                if (lock == null) {
                    return; // another process's save holds it: work in progress
                }
                Files.delete(candidate);
            }
            notes.add(FileWords.of("stray.removed", candidate.getFileName()));
        } catch (OverlappingFileLockException e) {
            // this process holds it: a save of ours is using it
        } catch (IOException | RuntimeException e) {
            notes.add(FileWords.of("stray.cannotRemove", candidate, FileException.reason(e)));
        }
    }
}
