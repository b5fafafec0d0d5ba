package memscope.app.cli;

import java.util.Optional;
import memscope.app.text.HexFormat;
import memscope.app.text.RuleWording;
import memscope.model.Kernel;
import memscope.model.SyscallRecord;

/**
 * The rule that decided a call, in the words the window's status pane uses: the key is chosen by
 * {@link RuleWording}, as for the window, and worded here without JavaFX.
 */
final class RuleWords {
    private RuleWords() {
    }

    /** The rule in words, or "" when the call names none (a success, a call that is not a memory call). */
    static String of(SyscallRecord r, Kernel kernel, CliWords words) {
        // no mapping lookup: a Mach protection failure says where, not the mapping's permissions (as before)
        return RuleWording.of(r, koid -> kernel.inspector().vmo(koid).map(v -> v.cachePolicy().name())
                        .orElse(HexFormat.address(koid)), address -> Optional.empty())
                .map(w -> words.get(w.key(), w.args())).orElse("");
    }
}
