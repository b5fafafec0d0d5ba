package memscope.app.cli;

import java.util.stream.Collectors;
import memscope.model.KernReturn;
import memscope.model.Kernel;
import memscope.model.Rights;
import memscope.model.Rule;
import memscope.model.SyscallRecord;

/**
 * The rule that decided a call, in the words the window's status pane uses (the app bundle's {@code rule.*}
 * keys; the window's {@code OutcomeDescriber} words them through its JavaFX-bound Messages, so this is the
 * command line's own copy of the choice of key).
 */
final class RuleWords {
    private RuleWords() {
    }

    /** The rule in words, or "" when the call names none (a success, a call that is not a memory call). */
    static String of(SyscallRecord r, Kernel kernel, CliWords words) {
        if (r == null || r.rule() == null) {
            return "";
        }
        String at = "0x" + Long.toHexString(r.ruleAddress());
        if (r.kernReturn() == KernReturn.SEND_INVALID_MEMORY) {
            return words.get("rule.unreadableData");
        }
        boolean protection = r.kernReturn() == KernReturn.PROTECTION_FAILURE
                || r.kernReturn() == KernReturn.INVALID_ADDRESS && r.fidelityNote() != null;
        if (protection && r.rule() == Rule.OTHER) {
            return words.get("rule.protectionUnknown", at);
        }
        return switch (r.rule()) {
            case COMPLETE, OTHER -> "";
            case DEBUGGING_SYSCALLS_DISABLED -> words.get("rule.debuggingOff");
            case INVALID_BUFFER -> words.get("rule.invalidBuffer");
            case BAD_HANDLE -> words.get("rule.badHandle");
            case WRONG_TYPE -> words.get("rule.wrongType");
            case MISSING_RIGHTS -> words.get("rule.missingRights", Rights.names((int) r.ruleAddress()).stream()
                    .map(n -> "ZX_RIGHT_" + n).collect(Collectors.joining(", ")));
            case PROCESS_DEAD -> words.get("rule.processDead");
            case UNMAPPED -> words.get("rule.unmapped", at);
            case VDSO_PROTECTED -> words.get("rule.vdso", at);
            case CLIPPED_AT_MAPPING_END -> words.get("rule.mappingEnds", at);
            case OFFSET_BEYOND_VMO -> words.get("rule.beyondVmo", at);
            case CLIPPED_AT_VMO_END -> words.get("rule.vmoEnds", at);
            case NOT_CACHEABLE -> words.get("rule.notCacheable", kernel.inspector().vmo(r.ruleAddress())
                    .map(v -> v.cachePolicy().name()).orElse(at));
            case IO_ERROR -> words.get("rule.io");
        };
    }
}
