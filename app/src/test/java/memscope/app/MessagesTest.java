package memscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class MessagesTest {
    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/memscope/app/" + name)) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        assertEquals(new TreeSet<>(load("messages.properties").stringPropertyNames()),
                new TreeSet<>(load("messages_zh_CN.properties").stringPropertyNames()));
    }

    @Test
    void chineseErrorWordsFollowTheBilingualZirconDoc() {
        Messages zh = new Messages(Locale.SIMPLIFIED_CHINESE);
        assertEquals("句柄没有 ZX_RIGHT_WRITE 权限", zh.get("rule.missingRights", "ZX_RIGHT_WRITE"));
        assertEquals("kernel.enable-debugging-syscalls 在内核命令行上未设置为 true", zh.get("rule.debuggingOff"));
        assertTrue(zh.get("rule.vdso", "0x1000").contains("属于 vDSO 之类的受保护区域"));
        assertTrue(zh.get("rule.notCacheable", "UNCACHED").startsWith("请求的内存不可缓存"));
        assertTrue(zh.get("rule.unmapped", "0x0").startsWith("进程在地址 0x0 处没有任何内存"));
    }

    @Test
    void switchingTheLanguageChangesBoundTexts() {
        Messages m = new Messages(Locale.ENGLISH);
        javafx.beans.binding.StringBinding undo = m.text("menu.edit.undo");
        assertEquals("_Undo", undo.get());
        m.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertEquals("撤销(_U)", undo.get());
    }

    @Test
    void numbersAreNotGrouped() {
        Messages m = new Messages(Locale.ENGLISH);
        assertEquals("ZX_OK: wrote 8192 bytes at 0x1000", m.get("outcome.wrote", "ZX_OK", 8192L, "0x1000"));
        assertEquals("ZX_OK: wrote 1 byte at 0x1000", m.get("outcome.wrote", "ZX_OK", 1L, "0x1000"));
    }
}
