package memscope.app.text;

import java.util.Optional;
import java.util.function.LongFunction;
import java.util.stream.Collectors;
import memscope.model.KernReturn;
import memscope.model.MapEntry;
import memscope.model.Rights;
import memscope.model.Rule;
import memscope.model.SyscallRecord;

/**
 * Which words name the rule that decided a Zircon or Mach memory call: the app bundle's {@code rule.*} key and its
 * arguments. The one choice for the window's status pane ({@code OutcomeDescriber}) and the command line
 * ({@code memscope run}), which each put it in their language their own way (the window's Messages binds to
 * JavaFX; the command line runs without it). A Linux call's errno is worded by {@code LinuxRuleWords}.
 */
public final class RuleWording {
    private RuleWording() {
    }

    /**
     * The rule's wording, or empty when the record names none (a success, a call that is not a memory call).
     * {@code cachePolicyOfVmo} names a VMO's cache policy by koid (NOT_CACHEABLE carries the koid);
     * {@code mappingAt} finds the mapping at an address, for the permissions a protection failure names
     * (empty: the words say only where).
     */
    public static Optional<Wording> of(SyscallRecord r, LongFunction<String> cachePolicyOfVmo,
                                       LongFunction<Optional<MapEntry>> mappingAt) {
        return of(r, cachePolicyOfVmo, mappingAt, HexFormat::address);
    }

    /** As above; {@code addresses} names the rule's kernel address (a file document adds the file offset). */
    public static Optional<Wording> of(SyscallRecord r, LongFunction<String> cachePolicyOfVmo,
                                       LongFunction<Optional<MapEntry>> mappingAt, LongFunction<String> addresses) {
        if (r == null || r.rule() == null) {
            return Optional.empty();
        }
        String at = addresses.apply(r.ruleAddress());
        if (r.kernReturn() == KernReturn.SEND_INVALID_MEMORY) {
            return words("rule.unreadableData");
        }
        boolean protection = r.kernReturn() == KernReturn.PROTECTION_FAILURE
                || r.kernReturn() == KernReturn.INVALID_ADDRESS && r.fidelityNote() != null;
        if (protection && r.rule() == Rule.OTHER) {
            // Mach refused because of the mapping's protection (today's copyout faults on it as an invalid
            // address); ruleAddress is that mapping's base
            return Optional.of(mappingAt.apply(r.ruleAddress()).filter(MapEntry::isMapping)
                    .map(m -> new Wording("rule.protection", new Object[] {at, HexFormat.permissions(m.permissions())}))
                    .orElseGet(() -> new Wording("rule.protectionUnknown", new Object[] {at})));
        }
        return switch (r.rule()) {
            case COMPLETE, OTHER -> Optional.empty();
            case DEBUGGING_SYSCALLS_DISABLED -> words("rule.debuggingOff");
            case INVALID_BUFFER -> words("rule.invalidBuffer");
            case BAD_HANDLE -> words("rule.badHandle");
            case WRONG_TYPE -> words("rule.wrongType");
            case MISSING_RIGHTS -> words("rule.missingRights", Rights.names((int) r.ruleAddress()).stream()
                    .map(n -> "ZX_RIGHT_" + n).collect(Collectors.joining(", ")));
            case PROCESS_DEAD -> words("rule.processDead");
            case UNMAPPED -> words("rule.unmapped", at);
            case VDSO_PROTECTED -> words("rule.vdso", at);
            case CLIPPED_AT_MAPPING_END -> words("rule.mappingEnds", at);
            case OFFSET_BEYOND_VMO -> words("rule.beyondVmo", at);
            case CLIPPED_AT_VMO_END -> words("rule.vmoEnds", at);
            case NOT_CACHEABLE -> words("rule.notCacheable", cachePolicyOfVmo.apply(r.ruleAddress()));
            case IO_ERROR -> words("rule.io");
        };
    }

    private static Optional<Wording> words(String key, Object... args) {
        return Optional.of(new Wording(key, args));
    }
}
