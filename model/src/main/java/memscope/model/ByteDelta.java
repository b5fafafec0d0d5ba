package memscope.model;

/** One write's overwritten bytes in one VMO: {@code length} bytes at {@code offset}, kept at {@code store[pos]}. */
final class ByteDelta {
    final VmObject vmo;
    final long offset;
    final byte[] store;
    final int pos;
    final int length;
    /**
     * True when {@code store} is a whole page the VMO gave up to a whole-page write: the history holds all
     * of it, and reuses it once the delta is dropped.
     */
    final boolean ownsPage;
    /** The recorded call; set when the call completes. */
    HistoryStep step;

    ByteDelta(VmObject vmo, long offset, byte[] store, int pos, int length) {
        this(vmo, offset, store, pos, length, false);
    }

    ByteDelta(VmObject vmo, long offset, byte[] store, int pos, int length, boolean ownsPage) {
        this.vmo = vmo;
        this.offset = offset;
        this.store = store;
        this.pos = pos;
        this.length = length;
        this.ownsPage = ownsPage;
    }

    /** Estimated heap the delta holds. */
    long heap() {
        return ByteJournal.DELTA_OVERHEAD + (ownsPage ? ByteJournal.PAGE : length);
    }

    long end() {
        return offset + length;
    }

    int before(long at) {
        return store[pos + (int) (at - offset)] & 0xff;
    }

    long sequence() {
        return step.sequence;
    }
}
