package memscope.model.elf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Locale;

import memscope.model.BootOptions;
import memscope.model.IoResult;
import memscope.model.Kernel;
import memscope.model.KernelInspector.HandleInfo;
import memscope.model.ObjectType;
import memscope.model.SessionException;
import memscope.model.Sessions;
import memscope.model.Status;
import memscope.model.file.FilePageSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session saves a loaded executable or core by naming its file (path, offsets and a fingerprint) and keeping
 * only the edited pages; loading it reads the rest from the file again, and refuses a file that changed.
 */
class ElfSessionTest {
    private static final long BIAS = ElfLoader.DYN_BASE;

    @TempDir
    Path dir;

    private final Kernel kernel = Kernel.boot(BootOptions.defaults().withDebuggingSyscalls(true));

    private static int process(Kernel k, String name) {
        return k.inspector().handles().stream().filter(h -> h.type() == ObjectType.PROCESS && h.name().equals(name))
                .mapToInt(HandleInfo::handle).findFirst().orElseThrow();
    }

    private static byte[] read(Kernel k, int process, long address, int n) {
        byte[] b = new byte[n];
        assertEquals(new IoResult(Status.OK, n), k.readMemory(process, address, b, n));
        return b;
    }

    private static Kernel load(Path session) throws Exception {
        return Sessions.load(session, ElfPageSources.resolver(FilePageSource.resolver()));
    }

    @Test
    void anEditedExecutableSavesByNameAndLoadsWithItsEditAndItsFileBytes() throws Exception {
        Path exe = ElfBuilder.sample().write(dir.resolve("sample"));
        Path session = dir.resolve("s.memscope");
        try (LoadedElf elf = ElfLoader.load(kernel, exe)) {
            kernel.writeMemory(elf.processHandle(), BIAS + 0x1000, new byte[] {(byte) 0xcc}, 1);
            Sessions.save(kernel, session);
        }
        // named, not copied: the session holds the edited page, not the file's three segments
        assertTrue(new String(Files.readAllBytes(session), java.nio.charset.StandardCharsets.ISO_8859_1)
                .contains(ElfPageSources.SCHEME + "exec,"));
        Kernel back = load(session);
        int p = process(back, "sample");
        assertArrayEquals(new byte[] {(byte) 0xcc, (byte) 0x90}, read(back, p, BIAS + 0x1000, 2));
        assertArrayEquals(ElfBuilder.fill(0x100, 'R'), read(back, p, BIAS + 0x400, 0x100));
        assertArrayEquals(ElfBuilder.fill(0x100, 'D'), read(back, p, BIAS + 0x3000, 0x100));
        assertArrayEquals(new byte[0x10], read(back, p, BIAS + 0x3100, 0x10), "the loader zeroes past p_filesz");
    }

    @Test
    void aCoresMissingBytesStayUnreadableAfterASession() throws Exception {
        Path core = CoreFilesTest.core().write(dir.resolve("core"));
        Path session = dir.resolve("c.memscope");
        try (LoadedCore c = CoreFiles.open(kernel, core)) {
            kernel.writeMemory(c.processHandle(), CoreFilesTest.ANON + 8, new byte[] {7}, 1);
            Sessions.save(kernel, session);
        }
        Kernel back = load(session);
        int p = process(back, CoreFiles.PROCESS_PREFIX + "core");
        assertEquals(7, read(back, p, CoreFilesTest.ANON + 8, 1)[0]);
        assertEquals('A', read(back, p, CoreFilesTest.ANON + 9, 1)[0]);
        assertEquals(Status.ERR_IO, back.readMemory(p, CoreFilesTest.ANON + 0x1000, new byte[1], 1).status());
    }

    @Test
    void aFileThatChangedOrWentAwayIsRefusedNamingIt() throws Exception {
        Path exe = ElfBuilder.sample().write(dir.resolve("sample"));
        Path session = dir.resolve("s.memscope");
        try (LoadedElf elf = ElfLoader.load(kernel, exe)) {
            Sessions.save(kernel, session);
        }
        FileTime saved = Files.getLastModifiedTime(exe);
        // same size, same time: only the headers tell (e_entry changed)
        ElfBuilder.patch(exe, 24, 8, 0x1100);
        Files.setLastModifiedTime(exe, saved);
        SessionException changed = assertThrows(SessionException.class, () -> load(session));
        assertTrue(changed.getMessage().contains(exe + " changed since the session was saved"), changed.getMessage());
        assertTrue(changed.text().in(Locale.SIMPLIFIED_CHINESE).contains("在会话保存之后已更改"));
        Files.delete(exe);
        SessionException gone = assertThrows(SessionException.class, () -> load(session));
        assertTrue(gone.getMessage().contains(exe + ", which is no longer there"), gone.getMessage());
    }

    @Test
    void aForgedDescriptorIsRefused() {
        for (String d : new String[] {"elf:", "elf:exec,0,10,1", "elf:exec,-1,10,1,0-0-0,/x", "elf:other,0,1,1,f,/x",
            "elf:exec,0,zz,1,0-0-0,/x", "elf:exec,0,1,1,0-0-0,relative"}) {
            SessionException e = assertThrows(SessionException.class,
                    () -> ElfPageSources.resolver((x, y) -> null).open(d, 4096), d);
            assertTrue(e.getMessage().contains("not a valid elf: descriptor"), e.getMessage());
        }
    }
}
