package memscope.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
        // the glossary (resources/lessons/GLOSSARY.md): handle rights are 句柄权限, never a bare 权限
        assertEquals("句柄缺少句柄权限 ZX_RIGHT_WRITE", zh.get("rule.missingRights", "ZX_RIGHT_WRITE"));
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
        assertEquals("Bookmark 8192 bytes at 0x1000", m.get("bookmarks.add.header", "0x1000", 8192L),
                "a plain placeholder writes a number plainly too");
    }

    @Test
    void anApostropheReadsAsOneWithOrWithoutArguments() {
        assertEquals("Don't save", new Messages(Locale.ENGLISH).get("files.ask.dontSave"));
    }

    @Test
    void everyPatternFormatsAndKeepsEveryPlaceholder() throws IOException {
        for (String name : new String[] {"messages.properties", "messages_zh_CN.properties"}) {
            Properties p = load(name);
            for (String key : p.stringPropertyNames()) {
                String pattern = p.getProperty(key);
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{(\\d+)").matcher(pattern);
                int count = 0;
                while (m.find()) {
                    count = Math.max(count, Integer.parseInt(m.group(1)) + 1);
                }
                Object[] args = new Object[count];
                for (int i = 0; i < count; i++) {
                    // a {n,number} or {n,choice} blank wants a number; the others get a marker to look for
                    args[i] = pattern.contains("{" + i + ",") ? (Object) 7L : "\u00ab" + i + "\u00bb";
                }
                String out = new java.text.MessageFormat(pattern, Locale.ROOT).format(args);
                assertFalse(out.contains("''"), name + " " + key + " shows a doubled apostrophe: " + out);
                for (int i = 0; i < count; i++) {
                    if (pattern.contains("{" + i + "}")) {
                        assertTrue(out.contains("\u00ab" + i + "\u00bb"), name + " " + key + " loses {" + i + "}");
                    }
                }
            }
        }
    }

    @Test
    void theStartingLanguageFollowsTheSystemLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
            assertEquals(Locale.SIMPLIFIED_CHINESE, Messages.forSystemLocale().getLocale());
            Locale.setDefault(Locale.TRADITIONAL_CHINESE);
            assertEquals(Locale.SIMPLIFIED_CHINESE, Messages.forSystemLocale().getLocale(), "the Chinese we have");
            Locale.setDefault(Locale.FRANCE);
            assertEquals(Locale.ENGLISH, Messages.forSystemLocale().getLocale(), "no French: English");
            assertEquals("_Undo", Messages.forSystemLocale().get("menu.edit.undo"));
        } finally {
            Locale.setDefault(before);
        }
    }
}
