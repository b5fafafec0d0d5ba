package memscope.model.linux;

import memscope.model.Errno;
import memscope.model.SyscallRecord;
import memscope.model.text.Text;

/**
 * What a write into a live process did: the errno ({@link Errno#OK} when the call returned a count), how many of
 * the requested bytes reached the process, the rule that decided it in words, and the call's record (the same
 * one the kernel's listeners heard).
 *
 * @param faultAddress the first byte not written (meaningful when {@code written < requested})
 */
public record LinuxWriteResult(LinuxWritePath path, Errno errno, long address, long requested, long written,
                               long faultAddress, Text rule, SyscallRecord record) {

    public boolean ok() {
        return errno == Errno.OK;
    }

    /** Some bytes, not all, were written. */
    public boolean partial() {
        return ok() && written < requested;
    }

    /** For the status pane: "EFAULT: 0x55d0c000 is mapped r-x; process_vm_writev honours page protections". */
    public Text summary() {
        return LinuxWords.of("write.summary", errno.name(), rule);
    }
}
