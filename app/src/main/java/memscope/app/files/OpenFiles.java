package memscope.app.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import memscope.model.Kernel;
import memscope.model.KernelInspector.HandleInfo;
import memscope.model.KernelListener;
import memscope.model.MemoryChange;
import memscope.model.Subscription;
import memscope.model.file.FileDocument;

/**
 * The files open in the window, in the order opened, all in one kernel (the first file's): which process shows
 * which file, and a watch on each file's bytes so that its unsaved state is shown as soon as it changes.
 */
final class OpenFiles {
    private record Entry(FileDocument file, long processKoid, Subscription watch) {
    }

    private final List<Entry> entries = new ArrayList<>();
    /** Called on whatever thread wrote into one of the files: its unsaved state may have changed. */
    private final Runnable written;

    OpenFiles(Runnable written) {
        this.written = written;
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The kernel the open files share (a further file opens into it), or null when none is open. */
    Kernel kernel() {
        return entries.isEmpty() ? null : entries.get(0).file().kernel();
    }

    List<FileDocument> all() {
        return entries.stream().map(Entry::file).toList();
    }

    /** The open files with unsaved changes, in the order opened. */
    List<FileDocument> unsaved() {
        return entries.stream().map(Entry::file).filter(FileDocument::isDirty).toList();
    }

    /** The open file that is {@code path} (the same file on disk, whatever the spelling), if any. */
    Optional<FileDocument> withPath(Path path) {
        return entries.stream().map(Entry::file).filter(f -> sameFile(f.path(), path)).findFirst();
    }

    /** The open file shown by process {@code koid}, if any. */
    Optional<FileDocument> ofProcess(long koid) {
        return entries.stream().filter(e -> e.processKoid() == koid).map(Entry::file).findFirst();
    }

    /** The process that shows {@code file}, or 0 when it is not open. */
    long processOf(FileDocument file) {
        return entries.stream().filter(e -> e.file() == file).mapToLong(Entry::processKoid).findFirst().orElse(0);
    }

    void add(FileDocument file) {
        long koid = file.kernel().inspector().handle(file.processHandle()).map(HandleInfo::koid).orElse(0L);
        long vmo = file.vmoKoid();
        Subscription watch = file.kernel().subscribe(new KernelListener() {
            @Override
            public void memoryChanged(MemoryChange change) {
                if (change.vmoKoid() == vmo) {
                    written.run();
                }
            }
        });
        entries.add(new Entry(file, koid, watch));
    }

    /** Stops watching {@code file} and closes it (its process dies; the kernel stays). */
    void close(FileDocument file) {
        entries.removeIf(e -> {
            if (e.file() != file) {
                return false;
            }
            e.watch().close();
            closeQuietly(file);
            return true;
        });
    }

    void closeAll() {
        all().forEach(this::close);
    }

    static void closeQuietly(FileDocument doc) {
        if (doc == null) {
            return;
        }
        try {
            doc.close();
        } catch (IOException ignored) {
            // the document is gone from the window either way; nothing the user can do about a failed close
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException | SecurityException e) {
            // one of them cannot be looked at (gone, no permission): compare the names
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }
}
