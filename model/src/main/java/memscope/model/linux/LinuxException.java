package memscope.model.linux;

import java.io.IOException;

import memscope.model.Errno;
import memscope.model.text.Localized;
import memscope.model.text.Text;

/**
 * A live process MemScope cannot attach to or read, for a reason worded in every language: no such process,
 * not permitted (with why), no user address space. {@link #errno()} is the Linux error behind it.
 */
public final class LinuxException extends IOException implements Localized {
    private final transient Text text;
    private final Errno errno;

    LinuxException(Errno errno, Text text) {
        super(text.english());
        this.text = text;
        this.errno = errno;
    }

    @Override
    public Text text() {
        return text;
    }

    /** ESRCH (no such process), EACCES or EPERM (not permitted), ENOENT (no address space), EIO... */
    public Errno errno() {
        return errno;
    }
}
