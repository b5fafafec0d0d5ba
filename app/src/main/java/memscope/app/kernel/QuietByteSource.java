package memscope.app.kernel;

import memscope.app.hex.ByteSource;
import memscope.app.hex.CellKind;
import memscope.app.hex.KernelByteSource;

/**
 * The hex view's window on a process, read without filling the syscall log: the view re-reads its visible rows
 * on every refresh, and those reads are the inspector's own business, not calls the user made.
 */
public final class QuietByteSource implements ByteSource {
    private final KernelSession session;
    private final KernelByteSource source;
    private final long processKoid;

    public QuietByteSource(KernelSession session, int readerHandle, long processKoid) {
        this.session = session;
        this.source = new KernelByteSource(session.kernel(), readerHandle);
        this.processKoid = processKoid;
    }

    /** Which process this shows. */
    public long processKoid() {
        return processKoid;
    }

    @Override
    public long start() {
        return source.start();
    }

    @Override
    public long end() {
        return source.end();
    }

    @Override
    public void read(long address, byte[] data, CellKind[] kinds, int length) {
        session.quietly(() -> {
            source.read(address, data, kinds, length);
            return null;
        });
    }

    /** Forget cached mapping facts after a structure change. */
    public void invalidate() {
        source.invalidate();
    }
}
