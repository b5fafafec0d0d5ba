package memscope.model.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import memscope.model.BootOptions;
import memscope.model.Kernel;
import memscope.model.SessionException;

/** File open and save problems, and what a save did, read in Simplified Chinese as well as in English. */
class FileMessagesInChineseTest {
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    @TempDir
    Path dir;

    @Test
    void aDirectoryIsRefusedInChinese() {
        FileException e = assertThrows(FileException.class, () -> FileDocument.open(dir));
        assertEquals(dir + " is a directory", e.getMessage());
        assertEquals(dir + " 是一个目录", e.text().in(ZH));
    }

    @Test
    void aChangeOnDiskIsReportedInChinese() throws IOException {
        Path file = Files.write(dir.resolve("shared.bin"), new byte[] {1, 2, 3});
        try (FileDocument doc = FileDocument.open(file)) {
            FileDocumentTest.write(doc, 0, (byte) 0x11);
            Files.write(file, new byte[] {1, 2, 3, 4, 5});
            SaveResult refused = doc.save(SaveOptions.DEFAULT);
            assertEquals("shared.bin changed on disk since it was opened: its size changed from 3 to 5 bytes."
                    + " Save anyway to overwrite that change.", refused.message());
            assertEquals("shared.bin 自打开后已在磁盘上被修改：其大小从 3 字节变为 5 字节。仍然保存将覆盖该修改。",
                    refused.text().in(ZH));
        }
    }

    @Test
    void readOnlyAndSavedResultsReadInChinese() throws IOException {
        Path file = Files.write(dir.resolve("data.bin"), new byte[8192]);
        try (FileDocument doc = FileDocument.open(Kernel.boot(BootOptions.defaults()), file, true)) {
            assertEquals("data.bin 是只读的；请使用“另存为”", doc.save(SaveOptions.DEFAULT).text().in(ZH));
        }
        try (FileDocument doc = FileDocument.open(file)) {
            FileDocumentTest.write(doc, 5000, (byte) 7);
            SaveResult saved = doc.save(SaveOptions.DEFAULT);
            assertEquals("Saved data.bin (1 changed page)", saved.message());
            assertEquals("已保存 data.bin（1 个已修改的页）", saved.text().in(ZH));
        }
    }

    @Test
    void aSessionWhoseFileIsGoneIsRefusedInChinese() {
        Path gone = dir.resolve("gone.bin");
        SessionException e = assertThrows(SessionException.class,
                () -> FilePageSource.resolver().open(FilePageSource.SCHEME + gone, 4096));
        assertEquals("the file behind a file-backed VMO is missing: " + gone, e.getMessage());
        assertEquals("文件后备 VMO 所对应的文件不存在：" + gone, e.text().in(ZH));
    }
}
