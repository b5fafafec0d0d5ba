package memscope.model.linux;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import memscope.model.BootOptions;
import memscope.model.Errno;
import memscope.model.Kernel;
import memscope.model.KernelListener;
import memscope.model.Status;
import memscope.model.SyscallRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing through to a live child, by process_vm_writev and by /proc/PID/mem, after writeMemory. */
class LinuxWritesTest {
    private static final byte[] BYTES = {(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef};

    @TempDir
    Path dir;

    private final Kernel kernel = Kernel.boot(BootOptions.defaults().withDebuggingSyscalls(true));
    private final List<SyscallRecord> records = new ArrayList<>();
    private LiveChild child;
    private LinuxProcess process;
    private LinuxWrites writes;

    @BeforeEach
    void listen() {
        kernel.subscribe(new KernelListener() {
            @Override
            public void syscallCompleted(SyscallRecord record) {
                records.add(record);
            }
        });
    }

    @AfterEach
    void kill() throws Exception {
        if (process != null) {
            process.close();
        }
        if (child != null) {
            child.close();
        }
    }

    private void attach(LiveChild c) throws Exception {
        child = c;
        process = LinuxProcess.attach(kernel, c.pid());
        writes = new LinuxWrites(process);
    }

    /** The app's order: writeMemory first, with every simulated check; then the live process. */
    private LinuxWriteResult edit(LinuxWritePath path, long address, byte[] data) {
        assertEquals(Status.OK, kernel.writeMemory(process.processHandle(), address, data, data.length).status());
        return writes.write(path, address, data, data.length);
    }

    @Test
    void aWriteThroughIntoAWritableAnonymousPageReadsBackFromTheProcess() throws Exception {
        attach(LiveChild.compiled(dir, 0));
        long at = child.rw + 100;
        LinuxWriteResult r = edit(LinuxWritePath.PROCESS_VM_WRITEV, at, BYTES);
        assertEquals(Errno.OK, r.errno());
        assertEquals(4, r.written());
        assertArrayEquals(BYTES, child.freshRead(at, 4));
        SyscallRecord last = records.get(records.size() - 1);
        assertEquals("process_vm_writev", last.name());
        assertEquals("OK", last.resultName());
        assertTrue(last.ok());
        assertEquals(4, last.actual());
        assertTrue(process.refresh(child.rw, 256).changed().isEmpty(), "our own write is not the process's");

        LinuxWriteResult m = edit(LinuxWritePath.PROC_PID_MEM, at + 4, BYTES);
        assertEquals(Errno.OK, m.errno());
        assertArrayEquals(BYTES, child.freshRead(at + 4, 4));
        assertEquals("pwrite64", records.get(records.size() - 1).name());
    }

    @Test
    void processVmWritevIntoCodeIsEfaultAndChangesNothing() throws Exception {
        attach(LiveChild.sleepCopy(dir));
        LinuxMapping code = process.mappings().stream()
                .filter(m -> m.path().equals(child.binary().toString()) && m.executable()).findFirst().orElseThrow();
        byte[] before = child.freshRead(code.start(), 4);
        LinuxWriteResult r = edit(LinuxWritePath.PROCESS_VM_WRITEV, code.start(), BYTES);
        assertEquals(Errno.EFAULT, r.errno());
        assertEquals(0, r.written());
        assertArrayEquals(before, child.freshRead(code.start(), 4));
        String at = "0x" + Long.toHexString(code.start());
        assertEquals("EFAULT: " + at + " is mapped r-x; process_vm_writev honours page protections",
                r.summary().english());
        assertEquals("EFAULT：" + at + " 映射为 r-x；process_vm_writev 遵守页保护",
                r.summary().in(Locale.SIMPLIFIED_CHINESE));
        SyscallRecord last = records.get(records.size() - 1);
        assertEquals(r.record(), last);
        assertEquals("EFAULT", last.resultName());
        assertFalse(last.ok());
        assertEquals(Errno.EFAULT, last.errno());
    }

    @Test
    void procPidMemWritesIntoCodeAndTheFileOnDiskStaysTheSame() throws Exception {
        attach(LiveChild.sleepCopy(dir));
        byte[] hashBefore = sha256(child.binary());
        LinuxMapping code = process.mappings().stream()
                .filter(m -> m.path().equals(child.binary().toString()) && m.executable()).findFirst().orElseThrow();
        LinuxWriteResult r = edit(LinuxWritePath.PROC_PID_MEM, code.start(), BYTES);
        assertEquals(Errno.OK, r.errno());
        assertEquals(4, r.written());
        assertArrayEquals(BYTES, child.freshRead(code.start(), 4));
        assertArrayEquals(hashBefore, sha256(child.binary()), "the binary on disk is byte-identical");
        assertTrue(r.rule().english().contains("private copy"), r.rule().english());
    }

    @Test
    void aWriteAcrossIntoAReadOnlyPageIsPartial() throws Exception {
        attach(LiveChild.compiled(dir, 0));
        long boundary = child.rw + Kernel.PAGE_SIZE;
        byte[] eight = {1, 2, 3, 4, 5, 6, 7, 8};
        // writeMemory stops at the mapping's end (the r-- page is another mapping); the live write is asked for all 8
        LinuxWriteResult r = writes.write(LinuxWritePath.PROCESS_VM_WRITEV, boundary - 4, eight, 8);
        assertEquals(Errno.OK, r.errno());
        assertEquals(4, r.written());
        assertTrue(r.partial());
        assertEquals(boundary, r.faultAddress());
        assertArrayEquals(new byte[] {1, 2, 3, 4, 0x11, 0x11, 0x11, 0x11}, child.freshRead(boundary - 4, 8));
        assertEquals("wrote 4 of 8 bytes: 0x" + Long.toHexString(boundary)
                + " is mapped r--; process_vm_writev honours page protections", r.rule().english());
        assertTrue(records.get(records.size() - 1).partial());
    }

    @Test
    void procPidMemRefusesVvarWithEio() throws Exception {
        attach(LiveChild.sleepCopy(dir));
        LinuxMapping vvar = process.mappings().stream().filter(m -> m.path().equals("[vvar]")).findFirst()
                .orElseThrow();
        LinuxWriteResult r = writes.write(LinuxWritePath.PROC_PID_MEM, vvar.start(), BYTES, 4);
        assertEquals(Errno.EIO, r.errno());
        assertEquals(0, r.written());
        assertTrue(r.summary().english().startsWith("EIO: 0x" + Long.toHexString(vvar.start()) + " is [vvar]"),
                r.summary().english());
    }

    @Test
    void nothingIsWrittenToAProcessThatExited() throws Exception {
        attach(LiveChild.sleepCopy(dir));
        child.kill();
        LinuxWriteResult r = writes.write(LinuxWritePath.PROC_PID_MEM, process.mappings().get(0).start(), BYTES, 4);
        assertEquals(Errno.ESRCH, r.errno());
        assertEquals(Errno.ESRCH, records.get(records.size() - 1).errno());
        LinuxWriteResult bad = writes.write(LinuxWritePath.PROCESS_VM_WRITEV, 0, BYTES, 5);
        assertEquals(Errno.EINVAL, bad.errno());
    }

    private static byte[] sha256(Path file) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
    }
}
