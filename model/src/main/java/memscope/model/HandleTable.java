package memscope.model;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The caller's handle table. Values are random with the two low bits set, as Zircon makes them, so a handle
 * cannot be guessed from a counter; a closed value is never handed out again.
 */
final class HandleTable {
    private final Map<Integer, Handle> handles = new HashMap<>();
    private final ClosedHandles retired = new ClosedHandles();
    private final SplittableRandom random = new SplittableRandom(new SecureRandom().nextLong());

    Handle get(int value) {
        return handles.get(value);
    }

    Handle add(KernelObject object, int rights) {
        int value;
        do {
            value = (random.nextInt(1 << 29) << 2) | 0x3;
        } while (handles.containsKey(value) || retired.contains(value));
        Handle h = new Handle(value, object, rights);
        handles.put(value, h);
        object.handleCount++;
        return h;
    }

    /** Session restore: puts back a handle with its saved value; false if that value is taken or retired. */
    boolean restore(int value, KernelObject object, int rights) {
        if (value == 0 || handles.containsKey(value) || retired.contains(value)) {
            return false;
        }
        handles.put(value, new Handle(value, object, rights));
        object.handleCount++;
        return true;
    }

    /** Session restore: a value closed in the saved session stays unusable. */
    void retire(int value) {
        retired.add(value);
    }

    /** Session restore: room for {@code count} closed values given in ascending order. */
    void reserveRetired(int count) {
        retired.reserve(count);
    }

    /** Every closed value, ascending, so a session can keep them unusable. */
    int[] retired() {
        return retired.toSortedArray();
    }

    /** The store of closed values (tests check it stays compact). */
    ClosedHandles closed() {
        return retired;
    }

    Handle remove(int value) {
        Handle h = handles.remove(value);
        if (h != null) {
            retired.add(value);
            h.object().handleCount--;
        }
        return h;
    }

    List<Handle> all() {
        return new ArrayList<>(handles.values());
    }
}
