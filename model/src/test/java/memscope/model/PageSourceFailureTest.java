package memscope.model;

import static memscope.model.TestProcess.PAGE;
import static memscope.model.TestProcess.RW;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import memscope.model.file.FilePageSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A VMO whose page source fails (its file was truncated, deleted or gives I/O errors): every syscall answers with
 * a status, never an exception, and a failed call changes no byte, commits no page and reports no change.
 */
class PageSourceFailureTest {
    /** Offsets in the root VMAR, and the addresses they give. */
    private static final long FILE_OFFSET = 0x20000;
    private static final long ANON_OFFSET = FILE_OFFSET - PAGE;
    private static final long FILE_AT = TestProcess.BASE + FILE_OFFSET;

    @TempDir
    Path dir;

    private TestProcess t;
    private final List<MemoryChange> changes = new CopyOnWriteArrayList<>();
    private final List<SyscallRecord> records = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        t = TestProcess.boot();
        t.kernel.subscribe(new KernelListener() {
            @Override
            public void memoryChanged(MemoryChange change) {
                changes.add(change);
            }

            @Override
            public void syscallCompleted(SyscallRecord record) {
                records.add(record);
            }
        });
    }

    /** A 2-page file mapped read-write at FILE_AT, then truncated to nothing behind the kernel's back. */
    private int truncatedFileVmo() throws IOException {
        Path file = dir.resolve("data.bin");
        Files.write(file, TestProcess.filled(2 * PAGE, 0x5A));
        FilePageSource source = FilePageSource.open(file);
        int vmo = t.kernel.vmoCreateBacked(2 * PAGE, source, "data.bin").handle();
        t.mapAt(FILE_OFFSET, vmo, 0, 2 * PAGE, RW);
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(0);
        }
        return vmo;
    }

    /** A VMO whose page 1 always fails to read, as a disk with a bad sector would. */
    private int failingVmo() {
        PageSource failing = (index, page) -> {
            if (index == 1) {
                throw new UncheckedIOException(new IOException("Input/output error"));
            }
            java.util.Arrays.fill(page, (byte) 0x11);
        };
        int vmo = t.kernel.vmoCreateBacked(2 * PAGE, failing, "bad-sector").handle();
        t.mapAt(FILE_OFFSET, vmo, 0, 2 * PAGE, RW);
        return vmo;
    }

    private void assertUnchanged(int vmo) {
        assertEquals(0, t.kernel.inspector().committedPages(t.koidOf(vmo)).length, "no page committed");
        assertTrue(changes.isEmpty(), "no memory change reported: " + changes);
    }

    @Test
    void writeMemoryIntoATruncatedFileIsAnIoErrorAndChangesNothing() throws IOException {
        int vmo = truncatedFileVmo();

        IoResult r = t.write(FILE_AT + 10, new byte[] {1, 2, 3});

        assertEquals(Status.ERR_IO, r.status());
        assertEquals(0, r.actual());
        assertUnchanged(vmo);
        SyscallRecord last = records.get(records.size() - 1);
        assertEquals(Status.ERR_IO, last.status());
        assertEquals(Rule.IO_ERROR, last.rule());
    }

    @Test
    void readMemoryAndVmoReadOfAnUnreadablePageAreIoErrors() throws IOException {
        int vmo = truncatedFileVmo();
        byte[] buffer = new byte[16];

        assertEquals(Status.ERR_IO, t.kernel.readMemory(t.process, FILE_AT, buffer, 16).status());
        assertEquals(Status.ERR_IO, t.kernel.vmoRead(vmo, buffer, 0, 16));
        assertEquals(Status.ERR_IO, t.kernel.vmoWrite(vmo, new byte[] {7}, 5, 1));
        assertUnchanged(vmo);
    }

    @Test
    void aWholePageWriteNeedsNoOriginalAndSucceeds() throws IOException {
        int vmo = truncatedFileVmo();

        IoResult r = t.write(FILE_AT, TestProcess.filled(PAGE, 0x77));

        assertEquals(new IoResult(Status.OK, PAGE), r);
        assertArrayEquals(TestProcess.filled(PAGE, 0x77), t.read(FILE_AT, PAGE));
        assertEquals(1, t.kernel.inspector().committedPages(t.koidOf(vmo)).length);
    }

    @Test
    void aWriteWhoseLastPageCannotBeReadLeavesItsFirstPageUntouched() {
        int vmo = failingVmo();

        // partial on both ends: page 0's original reads fine, page 1's does not
        IoResult r = t.write(FILE_AT + PAGE - 2, new byte[] {1, 2, 3, 4});

        assertEquals(Status.ERR_IO, r.status());
        assertUnchanged(vmo);
        assertArrayEquals(TestProcess.filled(2, 0x11), t.read(FILE_AT + PAGE - 2, 2));
    }

    @Test
    void machCallsAnswerMemoryErrorAndAWriteAcrossMappingsIsAllOrNothing() {
        int anon = t.vmo(PAGE);
        t.mapAt(ANON_OFFSET, anon, 0, PAGE, RW);
        int vmo = failingVmo();
        int task = t.kernel.mach().taskForProcess(t.process, TaskFlavor.CONTROL).port();

        // 4 bytes at the end of the anonymous page, then on into the file VMO's page 0 and partly its page 1
        byte[] data = TestProcess.filled(PAGE + 8, 0x42);
        KernReturn kr = t.kernel.mach().vmWrite(task, FILE_AT - 4, data, data.length);

        assertEquals(KernReturn.MEMORY_ERROR, kr);
        assertArrayEquals(new byte[4], t.vmoBytes(anon, PAGE - 4, 4), "the first mapping is untouched");
        assertUnchanged(vmo);
        assertEquals(KernReturn.MEMORY_ERROR, t.kernel.mach().vmRead(task, FILE_AT + PAGE, 8).kr());
        assertEquals(KernReturn.SUCCESS, t.kernel.mach().vmRead(task, FILE_AT, 8).kr(), "page 0 still reads");
    }

    @Test
    void peekStopsAtTheFirstUnreadablePage() {
        failingVmo();
        byte[] into = new byte[2 * PAGE];

        int n = t.kernel.inspector().peek(t.process, FILE_AT, into);

        assertEquals(PAGE, n);
        assertArrayEquals(TestProcess.filled(PAGE, 0x11), java.util.Arrays.copyOf(into, PAGE));
    }
}
