package memscope.app.edit;

import memscope.app.find.SearchPattern;

import memscope.app.document.KernelMemory;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import memscope.app.Messages;
import memscope.app.text.RefusedInputException;
import memscope.model.BootOptions;
import memscope.model.Kernel;
import memscope.model.ProcessResult;

/** Hex parse errors and refused copies or searches, as {@code messages.describe} words them in each language. */
class InputProblemsInChineseTest {
    private final Messages chinese = new Messages(Locale.SIMPLIFIED_CHINESE);
    private final Messages english = new Messages(Locale.ENGLISH);

    @Test
    void aBadHexDigitNamesLineAndColumnInChinese() {
        HexParseException e = assertThrows(HexParseException.class, () -> HexParser.parse("DE AD\nBE EF zz"));
        assertEquals("第 2 行第 7 列：'z' 不是十六进制数字（在 \"zz\" 中）", chinese.describe(e));
        assertEquals(e.getMessage(), english.describe(e), "the English wording is the exception's message");
    }

    @Test
    void everyHexProblemHasChineseWords() {
        assertEquals("第 4 列：\"ADB\" 的十六进制数字个数为奇数",
                chinese.describe(assertThrows(HexParseException.class, () -> HexParser.parse("DE ADB"))));
        assertEquals("第 1 列：\"0xdead\"：0x 之后应为一到两位十六进制数字（一个字节）",
                chinese.describe(assertThrows(HexParseException.class, () -> HexParser.parse("0xdead"))));
        assertEquals("第 4 列：没有找到十六进制字节",
                chinese.describe(assertThrows(HexParseException.class, () -> HexParser.parse(" , "))));
        assertEquals("第 1001 列：没有找到十六进制字节", chinese.describe(
                assertThrows(HexParseException.class, () -> HexParser.parse(" ".repeat(1000)))),
                "columns are written plainly, without a thousands separator");
    }

    @Test
    void refusedSearchesAndCopiesAreWordedInChinese() {
        RefusedInputException ascii = assertThrows(RefusedInputException.class,
                () -> SearchPattern.text("caf\u00e9", TextEncoding.ASCII));
        assertEquals("\"caf\u00e9\" cannot be written in ASCII", ascii.getMessage());
        assertEquals("\"caf\u00e9\" 无法用 ASCII 表示", chinese.describe(ascii));

        Kernel kernel = Kernel.boot(BootOptions.defaults());
        ProcessResult p = kernel.processCreate("p");
        EditActions actions = new EditActions(new KernelMemory(kernel, p.process()));
        long nowhere = Kernel.USER_ASPACE_BASE;
        RefusedInputException copy = assertThrows(RefusedInputException.class,
                () -> actions.copy(new ByteRange(nowhere, nowhere + 4), CopyFormat.HEX));
        assertEquals("cannot copy: memory at 0x" + Long.toHexString(nowhere) + " is not readable", copy.getMessage());
        assertEquals("无法复制：地址 0x" + Long.toHexString(nowhere) + " 处的内存不可读",
                chinese.describe(copy));
        RefusedInputException huge = assertThrows(RefusedInputException.class,
                () -> actions.read(new ByteRange(0, EditActions.MAX_COPY + 1L)));
        assertEquals("选区有 16777217 字节；最多只能复制 16777216 字节", chinese.describe(huge));
    }
}
