package memscope.app.edit;

import java.util.Arrays;

/** One edit that went through: at {@code address}, {@code before} was replaced by {@code after}. */
public record Edit(long address, byte[] before, byte[] after) {
    public Edit {
        if (before.length != after.length) {
            throw new IllegalArgumentException("before and after differ in length");
        }
        before = before.clone();
        after = after.clone();
    }

    @Override
    public byte[] before() {
        return before.clone();
    }

    @Override
    public byte[] after() {
        return after.clone();
    }

    public int length() {
        return before.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Edit e && e.address == address && Arrays.equals(e.before, before)
                && Arrays.equals(e.after, after);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(address) * 31 + Arrays.hashCode(before) * 17 + Arrays.hashCode(after);
    }

    @Override
    public String toString() {
        return "Edit[0x" + Long.toHexString(address) + ", " + before.length + " bytes]";
    }
}
