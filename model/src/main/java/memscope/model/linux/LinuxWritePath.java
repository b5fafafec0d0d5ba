package memscope.model.linux;

/** Linux's two ways for one process to write into another's memory. */
public enum LinuxWritePath {
    /** {@code process_vm_writev(2)}: honours page protections (a page without write permission is EFAULT). */
    PROCESS_VM_WRITEV("process_vm_writev"),
    /**
     * {@code pwrite} on {@code /proc/PID/mem}: ptrace's FOLL_FORCE, which writes even read-only private pages (the
     * kernel makes a private copy; the file on disk is untouched) but refuses VM_IO pages such as {@code [vvar]}
     * and shared read-only pages with EIO.
     */
    PROC_PID_MEM("pwrite64");

    private final String syscall;

    LinuxWritePath(String syscall) {
        this.syscall = syscall;
    }

    /** The call's name in the syscall log. */
    public String syscall() {
        return syscall;
    }
}
