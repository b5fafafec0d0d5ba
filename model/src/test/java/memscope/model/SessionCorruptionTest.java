package memscope.model;

import static memscope.model.ForgedSession.section;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every damaged session is refused with a message naming the problem, and the kernel that is open meanwhile
 * does not change.
 */
class SessionCorruptionTest {
    @TempDir
    Path dir;

    private Kernel live;
    private String liveBefore;
    private byte[] valid;

    @BeforeEach
    void saveAValidSession() throws Exception {
        live = SessionRoundTripTest.richKernel();
        liveBefore = SessionRoundTripTest.describe(live);
        Path file = dir.resolve("valid.msession");
        Sessions.save(live, file);
        valid = Files.readAllBytes(file);
    }

    /** Every refusal a person can meet reads in Chinese too, not English inside a Chinese window. */
    private static void assertWordedInChinese(SessionException e) {
        String chinese = e.text().in(java.util.Locale.SIMPLIFIED_CHINESE);
        assertTrue(chinese.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                () -> "not worded in Chinese: " + chinese);
    }

    /** Loads {@code bytes}, expects a refusal mentioning {@code expected}, and checks the live kernel. */
    private String refused(byte[] bytes, String expected) throws IOException {
        Path file = dir.resolve("bad.msession");
        Files.write(file, bytes);
        SessionException e = assertThrows(SessionException.class, () -> Sessions.load(file));
        assertTrue(e.getMessage().contains(expected), "\"" + e.getMessage() + "\" should mention " + expected);
        assertWordedInChinese(e);
        assertEquals(liveBefore, SessionRoundTripTest.describe(live), "the open kernel must not change");
        return e.getMessage();
    }

    @Test
    void anEmptyFileIsRefused() throws IOException {
        refused(new byte[0], "empty");
    }

    @Test
    void aWrongMagicIsRefused() throws IOException {
        byte[] b = valid.clone();
        b[0] = 'X';
        refused(b, "wrong magic");
        refused("{\"title\": \"a scenario, not a session\"}".getBytes(StandardCharsets.UTF_8), "wrong magic");
    }

    @Test
    void anotherVersionIsRefused() throws IOException {
        byte[] b = valid.clone();
        b[9] = 3;
        refused(b, "unsupported session version 3 (this MemScope reads versions 1 to 2)");
        b[9] = 0;
        refused(b, "unsupported session version 0");
    }

    /** Reads from memory: these tests try thousands of variants. */
    private static Kernel loadBytes(byte[] b) throws IOException, SessionException {
        return new SessionReader(new ByteArrayInputStream(b), b.length).read(PageSourceResolver.NONE);
    }

    /** Every cut in the header, objects, handles and last sections; every 31st byte inside page data. */
    @Test
    void aTruncationAnywhereIsRefused() throws IOException {
        for (int length = 1; length < valid.length; length += length < 2048 || length > valid.length - 64 ? 1 : 31) {
            try {
                loadBytes(Arrays.copyOf(valid, length));
                fail("a session cut to " + length + " of " + valid.length + " bytes was accepted");
            } catch (SessionException e) {
                assertTrue(e.getMessage().contains("truncated"), length + ": " + e.getMessage());
            }
        }
        assertEquals(liveBefore, SessionRoundTripTest.describe(live));
    }

    /** Every byte of the header, objects and handles and the last sections; every 31st inside page data. */
    @Test
    void anyDamagedByteIsRefused() {
        for (int i = 0; i < valid.length; i += i < 2048 || i > valid.length - 64 ? 1 : 31) {
            byte[] b = valid.clone();
            b[i] ^= (byte) 0xa5;
            assertWordedInChinese(assertThrows(SessionException.class, () -> loadBytes(b),
                    "byte " + i + " flipped was accepted"));
        }
    }

    @Test
    void aBadChecksumIsNamed() throws IOException {
        byte[] b = valid.clone();
        b[SessionFormat.HEADER_SIZE + 8] ^= 1; // the first payload byte of BOOT
        refused(b, "checksum mismatch in section #1 (\"BOOT\")");
    }

    @Test
    void trailingBytesAreRefused() throws IOException {
        byte[] b = Arrays.copyOf(valid, valid.length + 3);
        refused(b, "unexpected bytes after the END section");
    }

    // ---- forged sessions: the checksums are right, the contents are not ----

    private static byte[] session(byte[]... sections) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(SessionFormat.MAGIC);
        out.write(new byte[] {0, 1, 0, 0});
        for (byte[] s : sections) {
            out.write(s);
        }
        return out.toByteArray();
    }


    private static byte[] boot() throws IOException {
        return section("BOOT", d -> {
            d.writeBoolean(true);
            d.writeBoolean(false);
            d.writeLong(2000);
            d.writeLong(1024);
        });
    }

    private static void name(DataOutputStream d, String s) throws IOException {
        d.writeShort(s.length());
        d.writeBytes(s);
    }

    /** One process (1025) alive with root VMAR 1026 and the vDSO, one VMO 1027 of {@code vmoSize} bytes. */
    private static byte[] objects(long vmoSize, long mappingVmoKoid) throws IOException {
        return section("OBJS", d -> {
            d.writeLong(1);
            d.writeLong(1025);
            name(d, "p");
            d.writeBoolean(true);
            d.writeLong(1);
            d.writeLong(1027);
            name(d, "v");
            d.writeLong(vmoSize);
            d.writeBoolean(false);
            d.writeByte(0);
            d.writeByte(0);
            d.writeLong(1);
            d.writeLong(1026);
            name(d, "root");
            d.writeLong(1025);
            d.writeLong(0);
            d.writeLong(Kernel.USER_ASPACE_BASE);
            d.writeLong(Kernel.USER_ASPACE_END - Kernel.USER_ASPACE_BASE);
            d.writeInt(VmOptions.CAN_MAP_PERMS | VmOptions.CAN_MAP_SPECIFIC);
            d.writeBoolean(false);
            d.writeLong(2);
            d.writeLong(1026); // the vDSO, where processCreate maps it
            d.writeLong(ForgedSession.VDSO_BASE);
            d.writeLong(Vdso.SIZE);
            d.writeLong(1024);
            d.writeLong(0);
            d.writeInt(ForgedSession.R_X);
            d.writeInt(ForgedSession.R_X);
            d.writeBoolean(true);
            d.writeLong(1026);
            d.writeLong(Kernel.USER_ASPACE_BASE);
            d.writeLong(Kernel.PAGE_SIZE);
            d.writeLong(mappingVmoKoid);
            d.writeLong(0);
            d.writeInt(3);
            d.writeInt(7);
            d.writeBoolean(false);
        });
    }

    private static byte[] handles(int value, long koid) throws IOException {
        return section("HNDL", d -> {
            d.writeLong(1);
            d.writeInt(value);
            d.writeLong(koid);
            d.writeInt(Rights.DEFAULT_PROCESS);
            d.writeLong(0);
        });
    }

    private static byte[] noPorts() throws IOException {
        return section("PORT", d -> d.writeLong(0));
    }

    private static byte[] end(int count) throws IOException {
        return section("END ", d -> d.writeInt(count));
    }

    @Test
    void aForgedButConsistentSessionLoads() throws Exception {
        Path file = dir.resolve("forged.msession");
        Files.write(file, session(boot(), objects(Kernel.PAGE_SIZE, 1027), handles(0x1237, 1025), noPorts(),
                end(4)));
        Kernel k = Sessions.load(file);
        assertEquals("p", k.inspector().handle(0x1237).orElseThrow().name());
        assertEquals(Status.OK, k.writeMemory(0x1237, Kernel.USER_ASPACE_BASE, new byte[] {1}, 1).status());
    }

    @Test
    void wrongTypesAreRefused() throws IOException {
        refused(session(boot(), objects(Kernel.PAGE_SIZE, 1025), handles(0x1237, 1025), noPorts(), end(4)),
                "is koid 1025, a PROCESS, not a VMO");
        refused(session(boot(), objects(Kernel.PAGE_SIZE, 1027), handles(0x1237, 4242), noPorts(), end(4)),
                "which the session does not define");
        refused(session(boot(), objects(Kernel.PAGE_SIZE, 1027), handles(0x1234, 1025), noPorts(), end(4)),
                "not a handle value");
        refused(session(boot(), handles(0x1237, 1025), noPorts(), end(3)), "expected section OBJS");
        byte[] portToAVmo = section("PORT", d -> {
            d.writeLong(1);
            d.writeInt(0x5151);
            d.writeLong(1027);
            d.writeByte(0);
        });
        refused(session(boot(), objects(Kernel.PAGE_SIZE, 1027), handles(0x1237, 1025), portToAVmo, end(4)),
                "the task of task port 0x5151 is koid 1027, a VMO, not a PROCESS");
    }

    @Test
    void absurdSizesAreRefused() throws IOException {
        refused(session(boot(), objects(1L << 60, 1027), handles(0x1237, 1025), noPorts(), end(4)),
                "absurd size");
        byte[] pages = section("PAGE", d -> {
            d.writeLong(1027);
            d.writeLong(1L << 60);
        });
        refused(session(boot(), objects(Kernel.PAGE_SIZE, 1027), handles(0x1237, 1025), noPorts(), pages, end(5)),
                "absurd number of pages");
        byte[] beyond = section("PAGE", d -> {
            d.writeLong(1027);
            d.writeLong(1);
            d.writeLong(7);
            d.write(new byte[Kernel.PAGE_SIZE]);
        });
        refused(session(boot(), objects(Kernel.PAGE_SIZE, 1027), handles(0x1237, 1025), noPorts(), beyond, end(5)),
                "lies beyond VMO 1027");
        byte[] huge = Arrays.copyOf(session(boot()), SessionFormat.HEADER_SIZE + 8);
        huge[SessionFormat.HEADER_SIZE + 4] = 0x7f; // BOOT declares ~2 GiB
        refused(huge, "absurd length");
    }

    @Test
    void aMissingOrMiscountedEndIsRefused() throws IOException {
        refused(session(boot(), objects(Kernel.PAGE_SIZE, 1027), handles(0x1237, 1025), noPorts()), "truncated");
        refused(session(boot(), objects(Kernel.PAGE_SIZE, 1027), handles(0x1237, 1025), noPorts(), end(10)),
                "counts 10 sections but 4 were read");
        refused(session(boot(), objects(Kernel.PAGE_SIZE, 1027), handles(0x1237, 1025), noPorts(),
                section("ZZZZ", d -> { }),
                end(5)), "unexpected section \"ZZZZ\"");
    }
}
