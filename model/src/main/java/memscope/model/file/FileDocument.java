package memscope.model.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import memscope.model.BootOptions;
import memscope.model.HandleResult;
import memscope.model.Kernel;
import memscope.model.KernelListener;
import memscope.model.MapResult;
import memscope.model.MemoryChange;
import memscope.model.ProcessResult;
import memscope.model.Rights;
import memscope.model.Status;
import memscope.model.Subscription;
import memscope.model.VmOptions;
import memscope.model.io.RegularFiles;
import memscope.model.text.Text;

/**
 * A real file open for hex editing: a file-backed VMO (pages read lazily) mapped into a process named
 * "file: NAME", so edits flow through {@code writeMemory} like any other. Tracks the pages written since open
 * or the last save and saves them so that a crash leaves the file exactly old or exactly new: in place through a
 * journal ({@link JournaledFileWriter}), at the cost of the changed pages, or else by copying into a new file
 * ({@link AtomicFileWriter}). Thread-safe.
 *
 * <p>The file's bytes are at {@code [baseAddress(), baseAddress() + length())}. Overwrite only: the length is
 * fixed; bytes typed past the end of the file (inside its last page) are not saved.
 */
public final class FileDocument implements AutoCloseable {
    /** Largest file: the dirty set indexes pages with an int. */
    public static final long MAX_LENGTH = (long) Integer.MAX_VALUE * Kernel.PAGE_SIZE;

    private final Kernel kernel;
    private final FilePageSource source;
    private final boolean readOnly;
    private final int processHandle;
    private final int rootVmarHandle;
    private final int editHandle;
    private final int vmoHandle;
    private final long vmoKoid;
    private final long baseAddress;
    private final DirtyPages dirty = new DirtyPages();
    private final Subscription subscription;
    private final List<Text> cleanupNotes;
    private DiskFingerprint fingerprint;
    private Object fileKey; // the identity (inode) of the file the pages come from; null where unknown

    private FileDocument(Kernel kernel, FilePageSource source, boolean readOnly, ProcessResult process,
                         int editHandle, int vmoHandle, long vmoKoid, long baseAddress, DiskFingerprint fingerprint,
                         List<Text> cleanupNotes) {
        this.kernel = kernel;
        this.source = source;
        this.readOnly = readOnly;
        this.processHandle = process.process();
        this.rootVmarHandle = process.rootVmar();
        this.editHandle = editHandle;
        this.vmoHandle = vmoHandle;
        this.vmoKoid = vmoKoid;
        this.baseAddress = baseAddress;
        this.fingerprint = fingerprint;
        this.cleanupNotes = List.copyOf(cleanupNotes);
        long pages = pageCount(source.length());
        this.subscription = kernel.subscribe(new KernelListener() {
            @Override
            public void memoryChanged(MemoryChange change) {
                if (change.vmoKoid() == vmoKoid) {
                    dirty.markBytes(change.offset(), change.length(), pages);
                }
            }
        });
    }

    /** Opens {@code file} in a kernel of its own, booted with debugging syscalls on so edits are allowed. */
    public static FileDocument open(Path file) throws IOException {
        return open(Kernel.boot(BootOptions.defaults().withDebuggingSyscalls(true)), file);
    }

    /**
     * Opens {@code file} into {@code kernel}: a new process "file: NAME" maps it read-write, or read-only when
     * the file is not writable (then {@link #editHandle()} lacks WRITE and every edit is ACCESS_DENIED). Only a
     * regular file opens: a named pipe, a device or a socket is refused before it is opened (see
     * {@link RegularFiles}). Temp files that killed saves of this file left beside it are removed
     * ({@link #cleanupNotes()}).
     */
    public static FileDocument open(Kernel kernel, Path file) throws IOException {
        return open(kernel, file, false);
    }

    /** As {@link #open(Kernel, Path)}; {@code readOnly} opens even a writable file read-only ("Open read-only"). */
    public static FileDocument open(Kernel kernel, Path file, boolean readOnly) throws IOException {
        if (Files.isDirectory(file)) {
            throw new FileException(FileWords.of("file.isDirectory", file));
        }
        // a save killed part way is finished (or its incomplete journal dropped) before a byte is read
        List<Text> notes = new ArrayList<>(JournalRecovery.recover(file));
        FilePageSource source = FilePageSource.open(file);
        try {
            long length = source.length();
            if (length > MAX_LENGTH) {
                throw new FileException(FileWords.of("file.tooLarge", file, length, MAX_LENGTH));
            }
            DiskFingerprint fingerprint = DiskFingerprint.of(file);
            String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
            notes.addAll(StrayTempFiles.removeFor(file));
            FileDocument doc = create(kernel, source, readOnly || !Files.isWritable(file), name, fingerprint,
                    notes);
            doc.fileKey = fileKey(file);
            return doc;
        } catch (IOException | RuntimeException e) {
            source.close();
            throw e;
        }
    }

    private static FileDocument create(Kernel kernel, FilePageSource source, boolean readOnly, String name,
                                       DiskFingerprint fingerprint, List<Text> cleanupNotes) throws IOException {
        // an empty file still gets one (zero) page so that it can be mapped and shown
        long mapped = Math.max(Kernel.PAGE_SIZE, pageCount(source.length()) * Kernel.PAGE_SIZE);
        ProcessResult p = kernel.processCreate("file: " + name);
        check(p.status(), "createProcess");
        HandleResult vmo = kernel.vmoCreateBacked(mapped, source, name);
        check(vmo.status(), "createVmo");
        int perms = VmOptions.PERM_READ | (readOnly ? 0 : VmOptions.PERM_WRITE);
        MapResult map = kernel.vmarMap(p.rootVmar(), perms | VmOptions.SPECIFIC, 0, vmo.handle(), 0, mapped);
        check(map.status(), "map");
        int editHandle = p.process();
        if (readOnly) {
            HandleResult h = kernel.handleDuplicate(p.process(), Rights.DEFAULT_PROCESS & ~Rights.WRITE);
            check(h.status(), "readOnlyHandle");
            editHandle = h.handle();
        }
        long koid = kernel.inspector().handle(vmo.handle()).orElseThrow().koid();
        return new FileDocument(kernel, source, readOnly, p, editHandle, vmo.handle(), koid,
                map.address(), fingerprint, cleanupNotes);
    }

    public Kernel kernel() {
        return kernel;
    }

    public Path path() {
        return source.path();
    }

    /** What opening cleaned up beside the file: temp files of interrupted saves removed (or that could not be). */
    public List<Text> cleanupNotes() {
        return cleanupNotes;
    }

    public boolean readOnly() {
        return readOnly;
    }

    /** The file's length in bytes. */
    public long length() {
        return source.length();
    }

    /** Where byte 0 of the file is in the process. */
    public long baseAddress() {
        return baseAddress;
    }

    /** One past the file's last byte: the hex view shows {@code [baseAddress(), endAddress())}. */
    public long endAddress() {
        return baseAddress + length();
    }

    /** The process handle with READ|WRITE, for reading (readMemory needs both) and for the inspector. */
    public int processHandle() {
        return processHandle;
    }

    /** The handle edits go through: the process handle, or one without WRITE for a read-only file. */
    public int editHandle() {
        return editHandle;
    }

    public int vmoHandle() {
        return vmoHandle;
    }

    public long vmoKoid() {
        return vmoKoid;
    }

    /** Whether some change is not on disk yet: written since the last save, or being saved right now. */
    public boolean isDirty() {
        return !dirty.isEmpty();
    }

    /** The indices of the pages written since open or the last save, ascending. */
    public long[] dirtyPages() {
        return dirty.indices();
    }

    /** Whether someone else changed the file since it was opened or last saved: a sentence, or null. */
    public String changedOnDisk() {
        Text change = diskChange();
        return change == null ? null : change.english();
    }

    /** As {@link #changedOnDisk()}, in any language. */
    public synchronized Text diskChange() {
        try {
            return DiskFingerprint.of(source.path()).differenceFrom(fingerprint);
        } catch (IOException e) {
            return FileWords.of("changed.unreadable", FileException.reason(e));
        }
    }

    /** Saves the dirty pages into the file itself. */
    public SaveResult save(SaveOptions options) {
        if (readOnly) {
            return new SaveResult(SaveResult.Outcome.READ_ONLY, path(), 0, 0,
                    FileWords.of("save.readOnly", path().getFileName()));
        }
        return saveAs(path(), options);
    }

    /** Writes the document to {@code target}, which it then shows; the original file is left as it was. */
    public synchronized SaveResult saveAs(Path target, SaveOptions options) {
        SaveOptions o = options == null ? SaveOptions.DEFAULT : options;
        Text changed = diskChange();
        if (changed != null && !o.force()) {
            return new SaveResult(SaveResult.Outcome.CHANGED_ON_DISK, path(), 0, 0,
                    FileWords.of("save.changedOnDisk", path().getFileName(), changed));
        }
        long length = length();
        BitSet taken = dirty.take();
        try {
            // saving through a symbolic link replaces the file it points to, not the link
            target = Files.isSymbolicLink(target) ? target.toRealPath() : target;
            SaveMethod method = SaveMethod.COPY;
            long copied = 0;
            if (o.method() == SaveMethod.IN_PLACE && inPlacePossible(target, length)
                    && JournaledFileWriter.write(target.toRealPath(), length, taken, this::readPage, o.progress())) {
                method = SaveMethod.IN_PLACE;
            } else {
                copied = AtomicFileWriter.write(source, length, taken, this::readPage, target, o.progress());
            }
            Path before = path();
            source.switchTo(target, length);
            if (!before.getFileName().equals(target.getFileName())) {
                nameAfter(target.getFileName().toString());
            }
            fingerprint = DiskFingerprint.of(target);
            fileKey = fileKey(target);
            int pages = (int) Math.min(taken.cardinality(), pageCount(length));
            dirty.saved(taken); // unsaved until here: a guard or a view asking mid-save must not see it clean
            return new SaveResult(SaveResult.Outcome.SAVED, target.toAbsolutePath(), pages, copied,
                    FileWords.of("save.saved", target.getFileName(), pages), method);
        } catch (IOException | RuntimeException e) {
            dirty.restore(taken);
            return new SaveResult(SaveResult.Outcome.FAILED, target.toAbsolutePath(), 0, 0,
                    FileWords.of("save.failed", target.getFileName(), FileException.reason(e)));
        } catch (Error crash) {
            dirty.restore(taken);
            throw crash;
        }
    }

    /**
     * Writing in place is right only into the very file the pages come from (not Save As, not a file another
     * program replaced or resized since), and only when it can be written.
     */
    private boolean inPlacePossible(Path target, long length) {
        try {
            Object key = fileKey(target);
            return key != null && key.equals(fileKey) && Files.isSameFile(target, path())
                    && Files.size(target) == length && Files.isWritable(target);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static Object fileKey(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The tree shows the process and VMO by the file's name, so after a save under another name they take the
     * new one; through {@code zx_object_set_property}, so every view hears of it.
     */
    private void nameAfter(String fileName) {
        kernel.objectSetName(processHandle, "file: " + fileName);
        kernel.objectSetName(vmoHandle, fileName);
    }

    /** Kills the file's process, closes its handles and the file. The kernel itself stays. */
    @Override
    public synchronized void close() throws IOException {
        subscription.close();
        kernel.taskKill(processHandle);
        if (editHandle != processHandle) {
            kernel.handleClose(editHandle);
        }
        kernel.handleClose(vmoHandle);
        kernel.handleClose(rootVmarHandle);
        kernel.handleClose(processHandle);
        source.close();
    }

    private void readPage(long index, byte[] page) throws IOException {
        Status s = kernel.vmoRead(vmoHandle, page, index * Kernel.PAGE_SIZE, Kernel.PAGE_SIZE);
        if (s != Status.OK) {
            throw new FileException(FileWords.of("file.readChangedPage", index, s.zxName()));
        }
    }

    private static long pageCount(long length) {
        return (length + Kernel.PAGE_SIZE - 1) / Kernel.PAGE_SIZE;
    }

    /** Refuses the open when a kernel call fails; {@code step} names it ({@code file.step.*}). */
    private static void check(Status s, String step) throws IOException {
        if (s != Status.OK) {
            throw new FileException(FileWords.of("file.cannot", FileWords.of("file.step." + step), s.zxName()));
        }
    }
}
