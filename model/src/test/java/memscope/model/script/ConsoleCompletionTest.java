package memscope.model.script;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import memscope.model.script.ConsoleCompletion.Completion;
import org.junit.jupiter.api.Test;

class ConsoleCompletionTest {
    private static final List<String> NAMES = List.of("p1", "p1.root", "code", "t1");

    private static List<String> at(String lineWithCaret) {
        int caret = lineWithCaret.indexOf('|');
        String line = lineWithCaret.replace("|", "");
        return ConsoleCompletion.at(line, caret, NAMES).candidates();
    }

    @Test
    void commandsAtTheStartOfALine() {
        assertEquals(List.of("write"), at("wr|"));
        assertEquals(List.of("vm_write", "vm_read", "vm_protect", "vm_region"), at("vm|"));
        assertEquals(20, at("|").size());
    }

    @Test
    void handleNamesWhereAHandleGoes() {
        assertEquals(List.of("p1", "p1.root"), at("write p|"));
        assertEquals(List.of("code"), at("resize c|"));
        assertEquals(NAMES.size() + 1, at("write | 0x10").size(), "names and size=");
    }

    @Test
    void keywordsWhereAPolicyFlavourOrPermissionGoes() {
        assertEquals(List.of("UNCACHED", "UNCACHED_DEVICE"), at("cache code unc|"));
        assertEquals(List.of("CONTROL"), at("task t2 p1 C|"));
        assertEquals(List.of("r--", "rw-", "r-x", "rwx"), at("protect p1.root 0x1000000 4K r|"));
    }

    @Test
    void optionsNotYetGiven() {
        assertEquals(List.of("rights=", "as"), at("dup p1 |"));
        assertEquals(List.of("as"), at("dup p1 rights=READ |"));
        assertEquals(List.of(), at("dup p1 as |"), "a fresh name follows as");
        assertEquals(List.of("max"), at("vm_protect t1 0 4K r-x m|"));
        assertEquals(List.of("size="), at("write p1 0 de ad |"));
    }

    @Test
    void nothingInsideAStringOrAComment() {
        assertEquals(List.of(), at("write p1 0 \"p|"));
        assertEquals(List.of(), at("close p1 # p|"));
        assertEquals(List.of(), at("frob p|"));
    }

    @Test
    void theReplacedRangeIsTheWordAtTheCaret() {
        Completion c = ConsoleCompletion.at("write p1 0", 7, NAMES);
        assertEquals(6, c.replaceStart());
        assertEquals(8, c.replaceEnd(), "the whole word p1 is replaced");
        assertEquals(List.of("p1", "p1.root"), c.candidates());
        Completion empty = ConsoleCompletion.at("close ", 6, NAMES);
        assertEquals(6, empty.replaceStart());
        assertEquals(6, empty.replaceEnd());
    }
}
