package memscope.model;

import java.util.Arrays;

/**
 * The {@link PageLog}s of one VMO by page index: an open-addressing table, so that filing or finding a write's
 * page boxes nothing (a {@code HashMap<Long, ...>} allocated a key on every recorded write). Guarded by the kernel
 * lock, as the history is.
 */
final class PageLogs {
    private static final long EMPTY = -1L;
    private long[] keys = empty(8);
    private PageLog[] logs = new PageLog[8];
    private int size;

    /** What {@link #forEach} calls with each page and its log. */
    interface Visitor {
        void visit(long page, PageLog log);
    }

    PageLog get(long page) {
        long[] k = keys;
        int mask = k.length - 1;
        for (int i = slot(page, mask); ; i = (i + 1) & mask) {
            if (k[i] == page) {
                return logs[i];
            }
            if (k[i] == EMPTY) {
                return null;
            }
        }
    }

    /** The page's log, made empty if it has none yet. */
    PageLog getOrAdd(long page) {
        PageLog log = get(page);
        if (log != null) {
            return log;
        }
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        log = new PageLog();
        put(page, log);
        return log;
    }

    void remove(long page) {
        int mask = keys.length - 1;
        int i = slot(page, mask);
        while (keys[i] != page) {
            if (keys[i] == EMPTY) {
                return;
            }
            i = (i + 1) & mask;
        }
        size--;
        // shift later entries of the probe run back, so every lookup still finds them before an empty slot
        for (int j = (i + 1) & mask; keys[j] != EMPTY; j = (j + 1) & mask) {
            int home = slot(keys[j], mask);
            boolean between = i <= j ? i < home && home <= j : i < home || home <= j;
            if (!between) {
                keys[i] = keys[j];
                logs[i] = logs[j];
                i = j;
            }
        }
        keys[i] = EMPTY;
        logs[i] = null;
    }

    boolean isEmpty() {
        return size == 0;
    }

    void forEach(Visitor visitor) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY) {
                visitor.visit(keys[i], logs[i]);
            }
        }
    }

    private void put(long page, PageLog log) {
        int mask = keys.length - 1;
        int i = slot(page, mask);
        while (keys[i] != EMPTY) {
            i = (i + 1) & mask;
        }
        keys[i] = page;
        logs[i] = log;
        size++;
    }

    private void grow() {
        long[] oldKeys = keys;
        PageLog[] oldLogs = logs;
        keys = empty(oldKeys.length * 2);
        logs = new PageLog[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                put(oldKeys[i], oldLogs[i]);
            }
        }
    }

    private static long[] empty(int n) {
        long[] k = new long[n];
        Arrays.fill(k, EMPTY);
        return k;
    }

    private static int slot(long page, int mask) {
        long h = page * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 40) & mask;
    }
}
