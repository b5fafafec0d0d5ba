package memscope.model.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import memscope.model.text.Localized;
import org.junit.jupiter.api.Test;

/** The console's parse errors and replies in Simplified Chinese, with the English forms unchanged. */
class ConsoleChineseTest {
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    private static ScriptError error(String line) {
        ParsedScript p = ScriptParser.parse(line, new LinkedHashSet<>(List.of("p1", "h3")));
        assertEquals(1, p.errors().size(), line);
        return p.errors().get(0);
    }

    private static CommandResult run(ConsoleSession console, String line) {
        RunResult r = console.run(line);
        assertEquals(List.of(), r.errors(), line);
        return r.results().get(0);
    }

    @Test
    void aBadNumberNamesTheParameterAndTheDigit() {
        ScriptError e = error("write p1 0x11g0000 de");
        assertEquals("ADDRESS: bad number '0x11g0000': 'g' is not a hex digit", e.message());
        assertEquals("ADDRESS：无效的数字 '0x11g0000'：'g' 不是十六进制数字", e.text().in(ZH));
        assertEquals("第 1 行，第 14 列：ADDRESS：无效的数字 '0x11g0000'：'g' 不是十六进制数字", e.located().in(ZH));
        assertEquals("line 1, column 14: " + e.message(), e.toString());
    }

    @Test
    void anUnknownCommandListsTheCommands() {
        ScriptError e = error("wrte p1 0 de");
        assertEquals("未知命令 'wrte'（可用命令：write, read, dup, replace, close, kill, resize, cache, protect, unmap, map, "
                + "boot, task, vm_write, vm_read, vm_protect, vm_region, process_vm_writev, proc_mem_write, disk_check）", e.text().in(ZH));
    }

    @Test
    void aMissingArgumentGivesTheUsage() {
        assertEquals("缺少 SIZE（用法：read PROCESS ADDRESS SIZE）", error("read p1 0").text().in(ZH));
        assertEquals("'as' 后面缺少名称 NAME", error("dup p1 as").text().in(ZH));
        assertEquals("boot 需要一个选项（用法：boot [debugging=on|off] [legacy_no_memory=on|off] [fidelity=documented|today]）",
                error("boot").text().in(ZH));
    }

    @Test
    void tokensAreDescribedInChineseToo() {
        assertEquals("应为 PROCESS，实际为字符串 \"s\"", error("write \"s\" 0 00").text().in(ZH));
        assertEquals("未知的句柄名 'p9'（已知：p1, h3）", error("write p9 0 00").text().in(ZH));
        assertEquals("字符串中的转义 '\\q' 无效（可用 \\\" \\\\ \\n \\t \\0 \\xNN）",
                error("write p1 0 \"a\\q\"").text().in(ZH));
    }

    @Test
    void everyParseErrorHasChineseWords() {
        String[] lines = {"42 write", "write p1 0x 00", "write p1 0x11111111111111111 00", "write p1 K 00",
            "write p1 99999999999999999999 00", "write p1 0 0g", "write p1 0 \"a\\xZ\"", "write p1 0 \"abc",
            "protect p1 0 4K rwz", "dup p1 rights=", "dup p1 rights=READ||WRITE", "dup p1 rights=FOO",
            "cache p1 weird", "task t p1 bogus", "boot debugging=maybe", "close p1 extra", "close p1 size=3",
            "dup p1 rights=READ rights=WRITE", "dup p1 as 9x", "dup p1 as=x", "dup p1 wat=1", "write 9p 0 00",
            "write p1 size=zz 0 00", "write p1 0 \"x\\"};
        for (String line : lines) {
            String chinese = error(line).text().in(ZH);
            assertTrue(chinese.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                    () -> line + " gave no Chinese: " + chinese);
        }
        ScriptError lineBreak = ScriptParser.parseLine("write p1 0 00\nkill p1", List.of("p1")).errors().get(0);
        assertEquals("每行只能有一条命令：这段文本含有换行", lineBreak.text().in(ZH));
    }

    @Test
    void aPartialWriteSaysSoInChinese() {
        ConsoleSession console = TestWorld.debugging().session();
        CommandResult w = run(console, "write p1 0x1001ffe 01 02 03 04");
        assertEquals("write p1 0x1001ffe 01 02 03 04 -> ZX_OK actual=2 (partial: 2 of 4)", w.summary());
        assertEquals("write p1 0x1001ffe 01 02 03 04 -> ZX_OK actual=2（部分完成：4 字节中的 2 字节）",
                w.summaryText().in(ZH));
        CommandResult r = run(console, "read p1 0x5000000 4");
        assertEquals("read p1 0x5000000 4 -> ZX_ERR_NOT_FOUND", r.summaryText().in(ZH), "a status name stays as is");
    }

    @Test
    void boundNamesAndTaskPortsAreDescribedInChinese() {
        ConsoleSession console = TestWorld.debugging().session();
        CommandResult dup = run(console, "dup p1 rights=READ|INSPECT as p1ro");
        String handle = dup.detail().substring("p1ro = new handle ".length(), dup.detail().indexOf(" rights="));
        assertEquals("p1ro = 新句柄 " + handle + " rights=READ|INSPECT", dup.detailText().in(ZH));
        assertEquals("dup p1 rights=READ|INSPECT as p1ro -> ZX_OK ; p1ro = 新句柄 " + handle + " rights=READ|INSPECT",
                dup.summaryText().in(ZH));
        CommandResult task = run(console, "task t p1 CONTROL");
        assertTrue(task.detailText().in(ZH).startsWith("t = 任务端口 0x"), task.detailText().in(ZH));
        assertTrue(task.detail().startsWith("t = task port 0x"), task.detail());
    }

    @Test
    void everyCommandSaysWhatItDoesInChinese() {
        for (CommandSpec spec : CommandCatalog.all()) {
            String chinese = spec.summaryText().in(ZH);
            assertTrue(chinese.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                    () -> spec.name() + " has no Chinese summary: " + chinese);
        }
        CommandSpec write = CommandCatalog.find("write").orElseThrow();
        assertEquals("write bytes into a process (size= overrides buffer_size)", write.summary());
        assertEquals("向进程写入字节（size= 覆盖 buffer_size）", write.summaryText().in(ZH));
        assertEquals("change a resizable VMO's size", CommandCatalog.find("resize").orElseThrow().summary());
    }

    @Test
    void literalsOutsideTheConsoleAreLocalizedToo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConsoleLiterals.number("12q"));
        assertEquals("bad number '12q': expected hex with 0x, decimal, or a size like 4K, 64M", e.getMessage());
        assertEquals("无效的数字 '12q'：应为带 0x 的十六进制数、十进制数，或 4K、64M 这样的大小",
                assertInstanceOf(Localized.class, e).text().in(ZH));
        IllegalArgumentException b = assertThrows(IllegalArgumentException.class, () -> ConsoleLiterals.bytes("de zz"));
        assertEquals("无效的字节 'zz'：一个字节是两位十六进制数字，00 到 ff", ((Localized) b).text().in(ZH));
    }
}
