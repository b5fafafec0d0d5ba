package memscope.app.status;

import java.util.List;
import java.util.function.LongFunction;
import java.util.stream.Collectors;
import memscope.app.Messages;
import memscope.app.text.HexFormat;
import memscope.model.Rights;
import memscope.model.SyscallRecord;

/**
 * Puts a call's outcome in plain words: the status name, and the rule that decided it
 * ({@code ZX_ERR_ACCESS_DENIED: the handle lacks ZX_RIGHT_WRITE}, {@code wrote 3 of 8 bytes: the mapping ends at
 * 0x...}).
 */
public final class OutcomeDescriber {
    private final Messages messages;
    private final LongFunction<String> cachePolicyOfVmo;

    /** {@code cachePolicyOfVmo} names a VMO's cache policy by koid (the NOT_CACHEABLE rule carries the koid). */
    public OutcomeDescriber(Messages messages, LongFunction<String> cachePolicyOfVmo) {
        this.messages = messages;
        this.cachePolicyOfVmo = cachePolicyOfVmo;
    }

    /** The status line for a memory write or read at {@code address}. */
    public String describeTransfer(SyscallRecord r, long address) {
        boolean write = r.name().contains("write");
        if (r.ok() && !r.partial()) {
            return messages.get(write ? "outcome.wrote" : "outcome.read", r.resultName(), r.actual(),
                    HexFormat.address(address));
        }
        if (r.partial()) {
            return messages.get(write ? "outcome.wrotePartly" : "outcome.readPartly", r.resultName(), r.actual(),
                    r.requested(), rule(r));
        }
        return messages.get("outcome.refused", r.resultName(), rule(r));
    }

    /** The status line for any other call: {@code zx_vmo_set_size: ZX_OK}. */
    public String describeCall(SyscallRecord r) {
        String rule = rule(r);
        return rule.isEmpty() ? messages.get("outcome.call", r.name(), r.resultName())
                : messages.get("outcome.callRefused", r.name(), r.resultName(), rule);
    }

    /** The rule in words, or "" when the record names none. */
    public String rule(SyscallRecord r) {
        if (r.rule() == null) {
            return "";
        }
        String at = HexFormat.address(r.ruleAddress());
        return switch (r.rule()) {
            case COMPLETE, OTHER -> "";
            case DEBUGGING_SYSCALLS_DISABLED -> messages.get("rule.debuggingOff");
            case INVALID_BUFFER -> messages.get("rule.invalidBuffer");
            case BAD_HANDLE -> messages.get("rule.badHandle");
            case WRONG_TYPE -> messages.get("rule.wrongType");
            case MISSING_RIGHTS -> messages.get("rule.missingRights", rightNames((int) r.ruleAddress()));
            case PROCESS_DEAD -> messages.get("rule.processDead");
            case UNMAPPED -> messages.get("rule.unmapped", at);
            case VDSO_PROTECTED -> messages.get("rule.vdso", at);
            case CLIPPED_AT_MAPPING_END -> messages.get("rule.mappingEnds", at);
            case OFFSET_BEYOND_VMO -> messages.get("rule.beyondVmo", at);
            case CLIPPED_AT_VMO_END -> messages.get("rule.vmoEnds", at);
            case NOT_CACHEABLE -> messages.get("rule.notCacheable", cachePolicyOfVmo.apply(r.ruleAddress()));
        };
    }

    private static String rightNames(int rights) {
        List<String> names = Rights.names(rights);
        return names.stream().map(n -> "ZX_RIGHT_" + n).collect(Collectors.joining(", "));
    }
}
