package memscope.app.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Optional;
import memscope.app.Messages;
import memscope.model.Divergence;
import memscope.model.Fidelity;
import memscope.model.FidelityNote;
import memscope.model.KernReturn;
import memscope.model.Status;
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
        assertEquals("KERN_PROTECTION_FAILURE：(os/kern) 保护失败 \u2014 0x1000000 处映射的保护属性为 r-x",
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

    @Test
    void whereTheFidelitiesDifferTheLineNamesBothAnswersAndWhichDecided() {
        SyscallRecord r = vmWrite(KernReturn.INVALID_ADDRESS, Rule.OTHER, CODE).withFidelityNote(new FidelityNote(
                Divergence.MACH_SMALL_COPY, Fidelity.TODAY, "KERN_PROTECTION_FAILURE", "KERN_INVALID_ADDRESS"));
        assertEquals("KERN_INVALID_ADDRESS: (os/kern) invalid address \u2014 0x1000000 is mapped r-x \u2014"
                + " documented: KERN_PROTECTION_FAILURE; today's kernels: KERN_INVALID_ADDRESS (decided: today's"
                + " kernels). XNU stores a write of up to 16 KiB with copyout: any fault is KERN_INVALID_ADDRESS, and"
                + " the bytes before it stay written.", describer(Locale.ENGLISH).describeTransfer(r, CODE));
        String zh = describer(Locale.SIMPLIFIED_CHINESE).describeTransfer(r, CODE);
        assertTrue(zh.contains("按文档：KERN_PROTECTION_FAILURE；现在的内核：KERN_INVALID_ADDRESS"), zh);
    }

    @Test
    void aDeadProcessAsDocumentedSaysWhatTodaysZirconAnswers() {
        SyscallRecord r = new SyscallRecord(3, "zx_process_write_memory", "handle=0x3", Status.ERR_BAD_STATE, null,
                1, 0, Rule.PROCESS_DEAD, 0, new FidelityNote(Divergence.DEAD_PROCESS, Fidelity.DOCUMENTED,
                        "ZX_ERR_BAD_STATE", "ZX_ERR_NOT_FOUND"));
        String en = describer(Locale.ENGLISH).describeTransfer(r, CODE);
        assertEquals("ZX_ERR_BAD_STATE: the process is dead: its memory is not accessible \u2014 documented:"
                + " ZX_ERR_BAD_STATE; today's kernels: ZX_ERR_NOT_FOUND (decided: as documented). Today's Zircon"
                + " finds no address space in a dead process.", en);
        assertFalse(describer(Locale.ENGLISH).describeTransfer(vmWrite(KernReturn.INVALID_ADDRESS, Rule.UNMAPPED,
                0x1102000), 0x1102000).contains("documented"), "no note, no comparison");
    }

    @Test
    void anUnreadableSourceIsNamedAsSuch() {
        assertEquals("MACH_SEND_INVALID_MEMORY: (ipc/send) invalid memory \u2014 the"
                + " kernel cannot read data_count bytes of the data to send", describer(Locale.ENGLISH)
                .describeTransfer(vmWrite(KernReturn.SEND_INVALID_MEMORY, Rule.INVALID_BUFFER, 0), CODE));
    }
}
