package memscope.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class KernReturnWordsTest {
    @Test
    void englishWordsAreMachErrorStringsOwn() {
        for (KernReturn kr : KernReturn.values()) {
            assertEquals(kr.text(), kr.words().english(), kr.name());
        }
    }

    @Test
    void chineseKeepsTheSubsystemPrefixAndTranslatesTheRest() {
        for (KernReturn kr : KernReturn.values()) {
            String zh = kr.words().in(Locale.SIMPLIFIED_CHINESE);
            assertEquals(kr.text().substring(0, kr.text().indexOf(')') + 1), zh.substring(0, zh.indexOf(')') + 1));
            assertNotEquals(kr.text(), zh, kr.name());
        }
        assertEquals("(os/kern) 保护失败", KernReturn.PROTECTION_FAILURE.words().in(Locale.SIMPLIFIED_CHINESE));
    }
}
