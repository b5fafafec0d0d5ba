package memscope.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.CRC32;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damaged sessions are refused in Simplified Chinese too, with the same facts as the English message. */
class SessionMessagesInChineseTest {
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    @TempDir
    Path dir;

    private byte[] valid;

    @BeforeEach
    void saveAValidSession() throws Exception {
        Path file = dir.resolve("valid.msession");
        Sessions.save(SessionRoundTripTest.richKernel(), file);
        valid = Files.readAllBytes(file);
    }

    private SessionException refused(byte[] bytes) throws IOException {
        Path file = Files.write(dir.resolve("bad.msession"), bytes);
        SessionException e = assertThrows(SessionException.class, () -> Sessions.load(file));
        assertEquals(e.getMessage(), e.text().english(), "getMessage() is the English wording");
        return e;
    }

    @Test
    void aDamagedSectionIsNamedInChinese() throws IOException {
        byte[] b = valid.clone();
        b[SessionFormat.HEADER_SIZE + 8] ^= 1; // the first payload byte of BOOT
        SessionException e = refused(b);
        assertEquals("bad.msession: checksum mismatch in section #1 (\"BOOT\") at byte 12: the file is damaged",
                e.getMessage());
        assertEquals("bad.msession：第 1 段（\"BOOT\"，位于字节 12）校验和不匹配：文件已损坏", e.text().in(ZH));
    }

    @Test
    void aTruncatedFileSaysWhereInChinese() throws IOException {
        SessionException e = refused(Arrays.copyOf(valid, SessionFormat.HEADER_SIZE + 4));
        assertEquals("bad.msession: the file is truncated at byte 16, inside the header of section #1",
                e.getMessage());
        assertEquals("bad.msession：文件在字节 16 处被截断，位于第 1 段的段头之内", e.text().in(ZH));
    }

    @Test
    void anotherVersionIsRefusedInChinese() throws IOException {
        byte[] b = valid.clone();
        b[9] = 3;
        assertEquals("bad.msession：不支持的会话版本 3（此版本 MemScope 只能读取版本 1 到 2）", refused(b).text().in(ZH));
    }

    @Test
    void aShortFieldNamesTheFieldInChinese() throws IOException {
        byte[] bootWithOneField = frame("BOOT", new byte[] {1});
        SessionException e = refused(concat(valid, SessionFormat.HEADER_SIZE, bootWithOneField));
        assertEquals("bad.msession: section BOOT at byte 1: ends before the legacy-no-memory option"
                + " (1 bytes needed, 0 left)", e.getMessage());
        assertEquals("bad.msession：段 BOOT，字节 1：在legacy-no-memory 选项之前结束（需要 1 字节，只剩 0 字节）",
                e.text().in(ZH));
    }

    @Test
    void aMissingFileBehindAVmoIsRefusedInChinese() {
        SessionException e = assertThrows(SessionException.class,
                () -> PageSourceResolver.NONE.open("file:/nowhere/x.bin", 4096));
        assertEquals("会话中有一个以 \"file:/nowhere/x.bin\" 为后备存储的 VMO，但没有提供重新打开它的解析器", e.text().in(ZH));
    }

    /** The first {@code keep} bytes of {@code head}, then {@code tail}. */
    private static byte[] concat(byte[] head, int keep, byte[] tail) {
        byte[] b = Arrays.copyOf(head, keep + tail.length);
        System.arraycopy(tail, 0, b, keep, tail.length);
        return b;
    }

    /** A section with a correct checksum around {@code payload}. */
    private static byte[] frame(String tag, byte[] payload) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(frame);
        d.write(tag.getBytes(StandardCharsets.US_ASCII));
        d.writeInt(payload.length);
        d.write(payload);
        CRC32 crc = new CRC32();
        crc.update(frame.toByteArray());
        d.writeInt((int) crc.getValue());
        return frame.toByteArray();
    }
}
