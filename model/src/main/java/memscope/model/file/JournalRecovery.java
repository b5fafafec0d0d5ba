package memscope.model.file;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import memscope.model.text.Text;

/**
 * Finishes or drops, when a file is opened, the journal that a killed in-place save left (see
 * {@link JournaledFileWriter}). A whole, undamaged journal for this file and its size is applied again, which
 * completes the save; any other journal (incomplete because the save died while writing it, damaged, forged, or
 * for another file or size) is removed without writing a byte of it, which leaves the file as it was. A journal
 * that another save holds locked is work in progress and left alone.
 */
final class JournalRecovery {
    private JournalRecovery() {
    }

    /**
     * Recovers {@code file} and says what it did. Throws when a valid journal cannot be applied (the file is
     * not writable): the file may be half saved, so it is not opened until the journal can finish it.
     */
    static List<Text> recover(Path file) throws IOException {
        List<Text> notes = new ArrayList<>();
        Path target;
        try {
            target = file.toRealPath().toAbsolutePath();
        } catch (IOException e) {
            return notes; // a missing file: the open itself says so
        }
        if (target.getFileName() == null) {
            return notes;
        }
        for (Path place : JournalPlaces.of(target)) {
            if (Files.isRegularFile(place, LinkOption.NOFOLLOW_LINKS)) {
                recoverFrom(target, place, notes);
            }
        }
        return notes;
    }

    private static void recoverFrom(Path target, Path place, List<Text> notes) throws IOException {
        Text done = null;
        try (FileChannel journal = FileChannel.open(place, StandardOpenOption.READ, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS)) {
            if (busy(journal)) {
                return;
            }
            SaveJournal.Header header;
            try {
                header = SaveJournal.validate(journal, target.getFileName().toString(), Files.size(target));
            } catch (SaveJournal.Refused refused) {
                header = null;
                done = FileWords.of("journal.refused", place.getFileName(), refused.text());
            }
            if (header != null) {
                try (FileChannel out = FileChannel.open(target, StandardOpenOption.WRITE)) {
                    SaveJournal.apply(journal, out, SaveProgress.NONE);
                    out.force(true);
                }
                done = FileWords.of("journal.completed", target.getFileName(), header.count());
            }
        } catch (IOException | RuntimeException e) {
            throw new FileException(FileWords.of("journal.cannotComplete", target.getFileName(),
                    FileException.reason(e), place));
        }
        notes.add(done);
        try {
            Files.delete(place);
            AtomicFileWriter.syncDirectory(place.getParent());
        } catch (IOException e) {
            // applying it again at the next open is harmless; saying so is enough
            notes.add(FileWords.of("journal.cannotRemove", place, FileException.reason(e)));
        }
    }

    /** Whether a save (of this process or another) holds the journal locked; no locks here means not busy. */
    private static boolean busy(FileChannel journal) {
        try {
            FileLock lock = journal.tryLock();
            return lock == null;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
