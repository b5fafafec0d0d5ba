package memscope.app.hex;

/**
 * The caret and the selection anchor, kept inside the source. The caret always sits on a byte; a selection runs
 * from the anchor byte to the caret byte, both included, so a drag from byte 5 to byte 9 selects five bytes.
 */
final class HexCursor {
    private static final long NO_ANCHOR = Long.MIN_VALUE;

    private long start;
    private long end;
    private long caret;
    private long anchor = NO_ANCHOR;

    void reset(long start, long end) {
        this.start = start;
        this.end = end;
        this.caret = start;
        this.anchor = NO_ANCHOR;
    }

    long caret() {
        return caret;
    }

    /** The nearest address that is a byte of the source (the start when it is empty). */
    long clamp(long address) {
        if (end <= start) {
            return start;
        }
        return Math.max(start, Math.min(end - 1, address));
    }

    /** Moves the caret; {@code extend} keeps (or starts) a selection from where the caret was. */
    void moveTo(long address, boolean extend) {
        if (extend && anchor == NO_ANCHOR) {
            anchor = caret;
        } else if (!extend) {
            anchor = NO_ANCHOR;
        }
        caret = clamp(address);
    }

    /** Moves by {@code delta} bytes, stopping at the source's ends instead of wrapping. */
    void moveBy(long delta, boolean extend) {
        long target = caret + delta;
        if ((delta > 0 && target < caret) || (delta < 0 && target > caret)) {
            target = delta > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
        moveTo(target, extend);
    }

    /** Selects {@code [from, to)}; the caret lands on its last byte. An empty range just places the caret. */
    void select(long from, long to) {
        if (to <= from) {
            moveTo(from, false);
            return;
        }
        anchor = clamp(from);
        caret = clamp(to - 1);
    }

    void clearSelection() {
        anchor = NO_ANCHOR;
    }

    AddressRange selection() {
        if (anchor == NO_ANCHOR) {
            return AddressRange.empty(caret);
        }
        return new AddressRange(Math.min(anchor, caret), Math.max(anchor, caret) + 1);
    }
}
