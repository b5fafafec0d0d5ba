package memscope.app.hex;

/**
 * Turns typed characters into byte writes. In the hex column the first digit replaces the high nibble and the
 * second the low one, then the caret advances; every keystroke is one {@link EditHandler#write} of the whole byte,
 * so each nibble shows up (and can be refused) at once. Every keystroke goes to the kernel, over an unmapped or
 * unreadable byte too: the view never decides on its own what the kernel would refuse.
 */
final class HexTyping {
    private final HexView view;
    private boolean lowNibblePending;

    HexTyping(HexView view) {
        this.view = view;
    }

    /** True after the first digit of a byte was typed: the next digit goes to the low nibble. */
    boolean lowNibblePending() {
        return lowNibblePending;
    }

    /** Forgets a half-typed byte (the caret moved, the column changed). */
    void reset() {
        lowNibblePending = false;
    }

    /** A character typed while the hex column is active; anything but a hex digit is ignored. */
    void hexDigit(char c) {
        int digit = Character.digit(c, 16);
        if (digit < 0 || !view.hasBytes()) {
            return;
        }
        long address = view.cursor().caret();
        CellKind[] kind = new CellKind[1];
        int old = view.readByte(address, kind);
        if (!kind[0].hasValue()) {
            old = 0; // nothing to keep of an unmapped or unreadable byte; the kernel will most likely refuse anyway
        }
        boolean low = lowNibblePending;
        int value = low ? (old & 0xf0) | digit : (digit << 4) | (old & 0x0f);
        if (!write(address, value)) {
            lowNibblePending = false;
            return;
        }
        if (low) {
            advance(address);
        } else {
            lowNibblePending = true;
            view.requestRepaint();
        }
    }

    /** A character typed while the ASCII column is active; only printable ASCII is written. */
    void character(char c) {
        if (c < 0x20 || c >= 0x7f || !view.hasBytes()) {
            return;
        }
        long address = view.cursor().caret();
        if (write(address, c)) {
            advance(address);
        }
    }

    private boolean write(long address, int value) {
        EditHandler handler = view.editHandler();
        if (handler == null) {
            return false;
        }
        boolean written = handler.write(address, new byte[] {(byte) value});
        view.refresh(); // show what memory holds now, written or not
        return written;
    }

    private void advance(long address) {
        view.moveCaret(address + 1, false);
    }
}
