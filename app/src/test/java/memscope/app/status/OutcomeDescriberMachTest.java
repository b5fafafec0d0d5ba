package memscope.app.status;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Optional;
import memscope.app.Messages;
import memscope.model.KernReturn;
import memscope.model.MapEntry;
import memscope.model.Rights;
import memscope.model.Rule;
import memscope.model.SyscallRecord;
import memscope.model.VmOptions;
import org.junit.jupiter.api.Test;

/** Mach outcomes in words: KERN_* name, mach_error_string text, and the rule where one fits, in both languages. */
class OutcomeDescriberMachTest {
    private static final long CODE = 0x1000000;
    private static final MapEntry CODE_MAPPING = new MapEntry("code", CODE, 0x4000, 1, true,
            VmOptions.PERM_READ | VmOptions.PERM_EXECUTE, 7, 0);

    private static OutcomeDescriber describer(Locale locale) {
        return new OutcomeDescriber(new Messages(locale), koid -> "CACHED",
                a -> CODE_MAPPING.contains(a) ? Optional.of(CODE_MAPPING) : Optional.empty());
    }

    private static SyscallRecord vmWrite(KernReturn kr, Rule rule, long ruleAddress) {
        return new SyscallRecord(1, "vm_write", "target_task=0x1", null, kr, 1,
                kr == KernReturn.SUCCESS ? 1 : 0, rule, ruleAddress);
    }

    @Test
    void aProtectionFailureNamesTheMappingsPermissions() {
        assertEquals("KERN_PROTECTION_FAILURE: (os/kern) protection failure \u2014 0x1000000 is mapped r-x",
                describer(Locale.ENGLISH).describeTransfer(vmWrite(KernReturn.PROTECTION_FAILURE, Rule.OTHER, CODE),
                        CODE));
        assertEquals("KERN_PROTECTION_FAILURE：(os/kern) 保护失败 \u2014 0x1000000 的映射权限为 r-x",
                describer(Locale.SIMPLIFIED_CHINESE).describeTransfer(
                        vmWrite(KernReturn.PROTECTION_FAILURE, Rule.OTHER, CODE), CODE));
    }

    @Test
    void withoutTheMappingItStillSaysWhere() {
        assertEquals("KERN_PROTECTION_FAILURE: (os/kern) protection failure \u2014 the mapping at 0x2000000 does not"
                + " allow it", new OutcomeDescriber(new Messages(Locale.ENGLISH), koid -> "?").describeTransfer(
                        vmWrite(KernReturn.PROTECTION_FAILURE, Rule.OTHER, 0x2000000), 0x2000000));
    }

    @Test
    void successAndRulelessRefusals() {
        OutcomeDescriber en = describer(Locale.ENGLISH);
        assertEquals("KERN_SUCCESS: wrote 1 byte at 0x1000000",
                en.describeTransfer(vmWrite(KernReturn.SUCCESS, Rule.COMPLETE, 0), CODE));
        assertEquals("KERN_INVALID_ARGUMENT: (os/kern) invalid argument",
                en.describeTransfer(vmWrite(KernReturn.INVALID_ARGUMENT, Rule.OTHER, 0), CODE));
        assertEquals("KERN_INVALID_ADDRESS: (os/kern) invalid address \u2014 no mapping at 0x1102000",
                en.describeTransfer(vmWrite(KernReturn.INVALID_ADDRESS, Rule.UNMAPPED, 0x1102000), 0x1102000));
    }

    @Test
    void aRefusedTaskForPidNamesTheCallTheWordsAndTheMissingRight() {
        SyscallRecord r = new SyscallRecord(2, "task_for_pid", "pid=0x1 flavor=CONTROL", null, KernReturn.FAILURE,
                0, 0, Rule.MISSING_RIGHTS, Rights.WRITE);
        assertEquals("task_for_pid: KERN_FAILURE: (os/kern) failure \u2014 the handle lacks ZX_RIGHT_WRITE",
                describer(Locale.ENGLISH).describeCall(r));
    }
}
