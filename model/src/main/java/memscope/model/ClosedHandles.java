package memscope.model;

import java.util.Arrays;

/**
 * The handle values that were closed and must never be handed out again, kept as sorted {@code int}s: 4 bytes
 * a value instead of a boxed hash-set entry (about 50), because a session may restore millions of them.
 *
 * <p>New values go first into a small sorted buffer, merged into the main array when it fills; the buffer grows
 * with the square root of the total, so neither inserting nor merging costs much per value. Values added in
 * ascending order (a session's list) are appended directly. Guarded by the kernel lock, like the handle table.
 */
final class ClosedHandles {
    private static final int MIN_BUFFER = 256;

    private int[] values = new int[16];
    private int size;
    private int[] recent = new int[MIN_BUFFER];
    private int recentSize;

    boolean contains(int value) {
        return Arrays.binarySearch(values, 0, size, value) >= 0
                || Arrays.binarySearch(recent, 0, recentSize, value) >= 0;
    }

    /** Adds {@code value}; nothing changes if it is already there. */
    void add(int value) {
        if (recentSize == 0 && (size == 0 || value > values[size - 1])) {
            if (size == values.length) {
                values = Arrays.copyOf(values, grown(size));
            }
            values[size++] = value;
            return;
        }
        if (contains(value)) {
            return;
        }
        int at = -Arrays.binarySearch(recent, 0, recentSize, value) - 1;
        System.arraycopy(recent, at, recent, at + 1, recentSize - at);
        recent[at] = value;
        recentSize++;
        if (recentSize == recent.length) {
            merge();
        }
    }

    /** Room for {@code more} values added in ascending order without growing step by step. */
    void reserve(int more) {
        if (size + (long) more > values.length) {
            values = Arrays.copyOf(values, (int) Math.min(Integer.MAX_VALUE - 8, size + (long) more));
        }
    }

    int size() {
        return size + recentSize;
    }

    /** Every value, ascending. */
    int[] toSortedArray() {
        merge();
        return Arrays.copyOf(values, size);
    }

    /** The bytes the two arrays take, for tests that check the store stays compact. */
    long footprintBytes() {
        return 4L * (values.length + recent.length);
    }

    /** Merges the buffer into the main array from the back, in place once the array has room. */
    private void merge() {
        if (recentSize == 0) {
            return;
        }
        if (values.length < size + recentSize) {
            values = Arrays.copyOf(values, grown(size + recentSize));
        }
        int i = size - 1;
        int j = recentSize - 1;
        for (int out = size + recentSize - 1; j >= 0; out--) {
            values[out] = i >= 0 && values[i] > recent[j] ? values[i--] : recent[j--];
        }
        size += recentSize;
        recentSize = 0;
        int buffer = Math.max(MIN_BUFFER, (int) Math.sqrt(size));
        if (buffer != recent.length) {
            recent = new int[buffer];
        }
    }

    private static int grown(int n) {
        return (int) Math.min(Integer.MAX_VALUE - 8, Math.max(16L, n + (n >> 1) + 1L));
    }
}
