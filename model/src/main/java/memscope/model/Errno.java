package memscope.model;

import memscope.model.text.Text;

/**
 * The Linux error numbers a call on a live Linux process can end with (x86-64 values), for the Linux personality's
 * {@link SyscallRecord}s. {@link #OK} stands for a call that returned without error.
 */
public enum Errno {
    OK(0),
    EPERM(1),
    ENOENT(2),
    ESRCH(3),
    EIO(5),
    ENOMEM(12),
    EACCES(13),
    EFAULT(14),
    EINVAL(22),
    ENOSYS(38);

    private final int code;

    Errno(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The errno for a number a C call left in {@code errno}; null for one this enum does not name. */
    public static Errno of(int code) {
        for (Errno e : values()) {
            if (e.code == code) {
                return e;
            }
        }
        return null;
    }

    /** {@code strerror}'s words ("Bad address"), in any language. */
    public Text words() {
        return ModelWords.of("errno." + name());
    }
}
