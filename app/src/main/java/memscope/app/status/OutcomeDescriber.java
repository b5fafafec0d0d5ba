package memscope.app.status;

import java.util.Optional;
import java.util.function.LongFunction;
import memscope.app.Messages;
import memscope.app.text.HexFormat;
import memscope.app.text.RuleWording;
import memscope.model.Divergence;
import memscope.model.FidelityNote;
import memscope.model.MapEntry;
import memscope.model.SyscallRecord;

/**
 * Puts a call's outcome in plain words: the status name, and the rule that decided it
 * ({@code ZX_ERR_ACCESS_DENIED: the handle lacks ZX_RIGHT_WRITE}, {@code wrote 3 of 8 bytes: the mapping ends at
 * 0x...}). A refused Mach call also gets {@code mach_error_string}'s words
 * ({@code KERN_PROTECTION_FAILURE: (os/kern) protection failure — 0x1000000 is mapped r-x}).
 */
public final class OutcomeDescriber {
    /** The mapping containing an address, as the window sees it now (for the words of a protection failure). */
    @FunctionalInterface
    public interface MappingLookup {
        Optional<MapEntry> mappingAt(long address);
    }

    private final Messages messages;
    private final LongFunction<String> cachePolicyOfVmo;
    private final MappingLookup mappings;
    private final LinuxRuleWords linux;
    /** How a record's rule names a kernel address: plain hex, or with the file offset for a file's process. */
    private java.util.function.Function<SyscallRecord, LongFunction<String>> addresses = r -> HexFormat::address;

    /** {@code cachePolicyOfVmo} names a VMO's cache policy by koid (the NOT_CACHEABLE rule carries the koid). */
    public OutcomeDescriber(Messages messages, LongFunction<String> cachePolicyOfVmo) {
        this(messages, cachePolicyOfVmo, address -> Optional.empty());
    }

    /** As above; {@code mappings} lets a protection failure name the mapping's permissions. */
    public OutcomeDescriber(Messages messages, LongFunction<String> cachePolicyOfVmo, MappingLookup mappings) {
        this.messages = messages;
        this.cachePolicyOfVmo = cachePolicyOfVmo;
        this.mappings = mappings;
        this.linux = new LinuxRuleWords(messages, mappings);
    }

    /** Rules name their kernel address with {@code words} from now on, whatever the record. */
    public void showAddresses(LongFunction<String> words) {
        this.addresses = r -> words;
    }

    /** Each record's rule names its kernel addresses as {@code words} says for that record (its own file). */
    public void showAddresses(RuleAddresses words) {
        this.addresses = words::of;
    }

    /** The status line for a memory write or read at {@code address}. */
    public String describeTransfer(SyscallRecord r, long address) {
        return withFidelity(r, transfer(r, address));
    }

    private String transfer(SyscallRecord r, long address) {
        boolean write = r.name().contains("write");
        if (r.ok() && !r.partial()) {
            return messages.get(write ? "outcome.wrote" : "outcome.read", r.resultName(), r.actual(),
                    HexFormat.address(address));
        }
        if (r.partial()) {
            return messages.get(write ? "outcome.wrotePartly" : "outcome.readPartly", r.resultName(), r.actual(),
                    r.requested(), rule(r));
        }
        return refusal(r);
    }

    /** The status line for any other call: {@code zx_vmo_set_size: ZX_OK}. */
    public String describeCall(SyscallRecord r) {
        if (r.kernReturn() != null && !r.ok()) {
            return withFidelity(r, messages.get("outcome.call", r.name(), refusal(r)));
        }
        String rule = rule(r);
        return withFidelity(r, rule.isEmpty() ? messages.get("outcome.call", r.name(), r.resultName())
                : messages.get("outcome.callRefused", r.name(), r.resultName(), rule));
    }

    /**
     * Where the documentation and today's kernels differ for this call, both answers after the status line:
     * {@code ... — documented: ZX_ERR_BAD_STATE; today's kernels: ZX_ERR_NOT_FOUND (decided: as documented). Why.}
     * The simulator's own convention (a mapped VMO's cache policy) is named as such, not as documentation.
     */
    private String withFidelity(SyscallRecord r, String line) {
        String note = fidelity(r);
        return note.isEmpty() ? line : line + " \u2014 " + note;
    }

    /** The fidelity note in words, or "" when the two fidelities agree on this call. */
    public String fidelity(SyscallRecord r) {
        FidelityNote n = r.fidelityNote();
        if (n == null) {
            return "";
        }
        String key = n.divergence() == Divergence.CACHE_POLICY_MAPPED ? "fidelity.lineConvention" : "fidelity.line";
        return messages.get(key, n.documented(), n.today(), messages.get("fidelity.decided." + n.decided().name()),
                messages.get("fidelity." + n.divergence().name()));
    }

    /** {@code ZX_ERR_ACCESS_DENIED: rule}, or for Mach {@code KERN_...: (os/kern) words — rule}. */
    private String refusal(SyscallRecord r) {
        String rule = rule(r);
        if (r.kernReturn() == null) {
            return messages.get("outcome.refused", r.resultName(), rule);
        }
        String words = messages.render(r.kernReturn().words());
        return rule.isEmpty() ? messages.get("outcome.refused", r.resultName(), words)
                : messages.get("outcome.refusedMach", r.resultName(), words, rule);
    }

    /** The rule in words, or "" when the record names none. */
    public String rule(SyscallRecord r) {
        if (r.rule() == null) {
            return "";
        }
        if (r.errno() != null) {
            return linux.rule(r);
        }
        return RuleWording.of(r, cachePolicyOfVmo, mappings::mappingAt, addresses.apply(r)).map(w -> messages.get(w.key(), w.args()))
                .orElse("");
    }
}
