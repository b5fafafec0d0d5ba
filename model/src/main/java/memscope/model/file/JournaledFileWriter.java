package memscope.model.file;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.BitSet;

/**
 * Saves a file in place at the cost of the changed pages, not of the file: their new contents go into a journal
 * (see {@link SaveJournal}, {@link JournalPlaces}), which is forced to disk with its directory entry; only then
 * are they written into the file, which is forced; then the journal is removed. A crash before the journal is
 * forced leaves the file untouched (the next open removes the incomplete journal); a crash after it leaves a
 * journal that the next open applies again ({@link JournalRecovery}). Either way the file ends exactly old or
 * exactly new. In-place writing keeps the file's identity: hard links see the new contents too.
 */
final class JournaledFileWriter {
    private JournaledFileWriter() {
    }

    /**
     * Saves the {@code dirty} pages into {@code target} (absolute, links resolved), whose size must be
     * {@code length}. Returns false, having changed nothing, when no place can take a journal; the caller then
     * saves by copying.
     */
    static boolean write(Path target, long length, BitSet dirty, AtomicFileWriter.PageContents contents,
                         SaveProgress progress) throws IOException {
        for (Path place : JournalPlaces.of(target)) {
            FileChannel journal = create(target, place);
            if (journal != null) {
                save(target, length, dirty, contents, progress, place, journal);
                return true;
            }
        }
        return false;
    }

    /** A new journal at {@code place}, or null when that place cannot hold one. */
    private static FileChannel create(Path target, Path place) throws IOException {
        try {
            Files.createDirectories(place.getParent());
            return FileChannel.open(place, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            if (Files.isRegularFile(place, LinkOption.NOFOLLOW_LINKS)) {
                // another save's journal (this one would overwrite what may be needed to finish it)
                throw new FileException(FileWords.of("journal.exists", target.getFileName(), place));
            }
            return null; // a directory or a link sits there
        } catch (AccessDeniedException e) {
            return null;
        } catch (FileSystemException e) {
            return null; // a read-only file system, a file where a directory should be
        }
    }

    private static void save(Path target, long length, BitSet dirty, AtomicFileWriter.PageContents contents,
                             SaveProgress progress, Path place, FileChannel journal) throws IOException {
        int pages;
        try (journal) {
            try {
                AtomicFileWriter.lockQuietly(journal); // tells an open elsewhere that this journal is in use
                pages = SaveJournal.write(journal, target.getFileName().toString(), length, dirty, contents,
                        progress);
                journal.force(true);
                AtomicFileWriter.syncDirectory(place.getParent());
            } catch (IOException | RuntimeException e) {
                // nothing was written into the file yet: the save fails cleanly
                journal.close();
                Files.deleteIfExists(place);
                throw e;
            }
            progress.advanced(SaveStage.JOURNALED, pages, pages);
            try (FileChannel out = FileChannel.open(target, StandardOpenOption.WRITE)) {
                SaveJournal.apply(journal, out, progress);
                out.force(true);
            } catch (IOException | RuntimeException e) {
                // part of the file may be new: the journal stays, and the next open finishes the save
                throw new FileException(FileWords.of("journal.partlyWritten", target.getFileName(),
                        FileException.reason(e), place));
            }
            progress.advanced(SaveStage.APPLIED, pages, pages);
        }
        Files.delete(place);
        AtomicFileWriter.syncDirectory(place.getParent());
    }
}
