package memscope.model.linux;

import memscope.model.VmOptions;

/**
 * One line of {@code /proc/PID/maps}: {@code start-end perms offset dev inode path}. {@code path} is a file, a
 * pseudo name ({@code [heap]}, {@code [stack]}, {@code [vdso]}, {@code [vvar]}, {@code [vsyscall]}) or empty for
 * anonymous memory.
 */
public record LinuxMapping(long start, long end, String perms, long offset, String device, long inode,
                           String path) {

    public long size() {
        return end - start;
    }

    public boolean readable() {
        return perms.charAt(0) == 'r';
    }

    public boolean writable() {
        return perms.charAt(1) == 'w';
    }

    public boolean executable() {
        return perms.charAt(2) == 'x';
    }

    /** {@code s}: a shared mapping, whose writes reach the file; {@code p}: private (copy on write). */
    public boolean shared() {
        return perms.charAt(3) == 's';
    }

    public boolean anonymous() {
        return path.isEmpty();
    }

    public boolean isVdso() {
        return path.equals("[vdso]");
    }

    public boolean contains(long address) {
        return Long.compareUnsigned(address, start) >= 0 && Long.compareUnsigned(address, end) < 0;
    }

    /** The {@code VmOptions.PERM_*} bits of {@code rwx}. */
    public int zirconPerms() {
        return (readable() ? VmOptions.PERM_READ : 0) | (writable() ? VmOptions.PERM_WRITE : 0)
                | (executable() ? VmOptions.PERM_EXECUTE : 0);
    }

    /** The mapping as it would be identified after a reload: everything but the end. */
    boolean sameIdentity(LinuxMapping o) {
        return start == o.start && offset == o.offset && inode == o.inode && device.equals(o.device)
                && path.equals(o.path);
    }

    /** The line as {@code /proc/PID/maps} prints it, up to the padding before the path. */
    public String line() {
        String head = String.format("%08x-%08x %s %08x %s %d", start, end, perms, offset, device, inode);
        return path.isEmpty() ? head : head + " " + path;
    }
}
