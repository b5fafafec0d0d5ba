package memscope.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import memscope.app.Messages;
import memscope.app.status.OutcomeDescriber;
import memscope.model.KernReturn;
import memscope.model.Kernel;
import memscope.model.Rights;
import memscope.model.Rule;
import memscope.model.Status;
import memscope.model.SyscallRecord;
import memscope.model.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/** The command line names every rule in the words the window's status pane gives it, in both languages. */
class RuleWordsParityTest {
    @Test
    void everyRuleIsWordedAsTheWindowWordsIt() throws Exception {
        Kernel kernel = ScenarioLoader.loadDefault().kernel();
        for (Locale locale : Messages.SUPPORTED) {
            OutcomeDescriber window = new OutcomeDescriber(new Messages(locale), koid -> kernel.inspector().vmo(koid)
                    .map(v -> v.cachePolicy().name()).orElse("0x" + Long.toHexString(koid)),
                    address -> Optional.empty());
            CliWords cli = new CliWords(locale);
            for (SyscallRecord r : records()) {
                String words = RuleWords.of(r, kernel, cli);
                assertEquals(window.rule(r), words, r.toString());
                boolean named = r.rule() != Rule.COMPLETE && r.rule() != Rule.OTHER || r.kernReturn() != null;
                assertEquals(named, !words.isEmpty(), r + " in " + locale + ": " + words);
            }
        }
    }

    @Test
    void aCallWithoutARuleHasNoWords() {
        assertEquals("", RuleWords.of(null, null, new CliWords(Locale.ENGLISH)));
    }

    /** A Zircon record for every rule, and the Mach refusals worded apart. */
    private static List<SyscallRecord> records() {
        List<SyscallRecord> out = new ArrayList<>();
        for (Rule rule : Rule.values()) {
            long at = rule == Rule.MISSING_RIGHTS ? Rights.WRITE : 0x1100000L;
            out.add(new SyscallRecord(1, "zx_process_write_memory", "", Status.ERR_ACCESS_DENIED, null, 8, 0, rule, at));
        }
        out.add(new SyscallRecord(2, "vm_write", "", Status.ERR_ACCESS_DENIED, KernReturn.PROTECTION_FAILURE, 8, 0,
                Rule.OTHER, 0x1000000L));
        out.add(new SyscallRecord(3, "vm_write", "", Status.ERR_ACCESS_DENIED, KernReturn.SEND_INVALID_MEMORY, 8, 0,
                Rule.INVALID_BUFFER, 0));
        return out;
    }
}
