package memscope.app.status;

import java.util.Optional;
import memscope.app.Messages;
import memscope.app.text.HexFormat;
import memscope.model.Errno;
import memscope.model.MapEntry;
import memscope.model.SyscallRecord;

/**
 * Why a Linux call (a record with an errno) ended as it did, in plain words, from the mapping where it stopped:
 * {@code 0x55d0c000 is mapped r-x; process_vm_writev honours page protections}, or {@code [vvar]}'s VM_IO refusal.
 */
final class LinuxRuleWords {
    private static final String VM_WRITEV = "process_vm_writev";

    private final Messages messages;
    private final OutcomeDescriber.MappingLookup mappings;

    LinuxRuleWords(Messages messages, OutcomeDescriber.MappingLookup mappings) {
        this.messages = messages;
        this.mappings = mappings;
    }

    /** The rule, or "" for a call that did all it was asked. */
    String rule(SyscallRecord r) {
        if (r.ok() && !r.partial()) {
            return "";
        }
        Errno e = r.errno();
        if (e == Errno.ESRCH) {
            return messages.get("linux.rule.exited");
        }
        if (e == Errno.EPERM || e == Errno.EACCES) {
            return messages.get("linux.rule.notPermitted", messages.render(e.words()));
        }
        if (e == Errno.EINVAL) {
            return messages.get("linux.rule.invalid");
        }
        String at = HexFormat.address(r.ruleAddress());
        Optional<MapEntry> m = mappings.mappingAt(r.ruleAddress()).filter(MapEntry::isMapping);
        if (m.isEmpty()) {
            return messages.get("linux.rule.unmapped", at);
        }
        String perms = HexFormat.permissions(m.get().permissions());
        if (VM_WRITEV.equals(r.name())) {
            return messages.get("linux.rule.protected", at, perms);
        }
        if ("[vvar]".equals(m.get().name())) {
            return messages.get("linux.rule.vmio", at, m.get().name());
        }
        return messages.get("linux.rule.memRefused", at, perms);
    }
}
