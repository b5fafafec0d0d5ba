package memscope.model.linux;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * The few C library calls the Linux personality needs, through JNA (x86-64: {@code size_t}, {@code ssize_t}
 * and {@code off_t} are Java longs). A failing call throws {@link LastErrorException} carrying errno. Used
 * instead of a {@code FileChannel} because a channel closes for good when a thread reading it is interrupted.
 */
interface LibC extends Library {
    int O_RDONLY = 0;
    int O_RDWR = 2;
    int O_CLOEXEC = 0x80000;

    /** Loaded on first use, so that merely listing processes needs no native code. */
    final class Holder {
        static final LibC C = Native.load("c", LibC.class);

        private Holder() {
        }
    }

    static LibC c() {
        return Holder.C;
    }

    int open(String path, int flags) throws LastErrorException;

    int close(int fd) throws LastErrorException;

    long pread(int fd, byte[] buffer, long count, long offset) throws LastErrorException;

    long pwrite(int fd, byte[] buffer, long count, long offset) throws LastErrorException;

    /** {@code iovec}s are 16 bytes each: {@code void *iov_base; size_t iov_len}. */
    long process_vm_writev(int pid, Pointer localIov, long liovcnt, Pointer remoteIov, long riovcnt, long flags)
            throws LastErrorException;

    long process_vm_readv(int pid, Pointer localIov, long liovcnt, Pointer remoteIov, long riovcnt, long flags)
            throws LastErrorException;
}
