package memscope.model.scenario;

import java.util.Collection;
import java.util.Locale;

/**
 * "Did you mean" suggestions for misspelt field and handle names. A hostile file may declare thousands of
 * names thousands of characters long, so the work is bounded: only a typo of at most two edits is suggested, so
 * only names within two characters of the word's length are compared, only along the diagonal band where two
 * edits can reach, and words longer than {@link #MAX_LENGTH} get no suggestion at all.
 */
final class Spelling {
    /** Longer than any name a person types; a suggestion for a longer word is not worth the work. */
    static final int MAX_LENGTH = 100;
    /** The most edits a suggestion may be away from the word. */
    static final int MAX_TOLERANCE = 2;

    private Spelling() {
    }

    /** The candidate nearest to {@code word} if it is close enough to be a likely typo, else null. */
    static String closest(String word, Collection<String> candidates) {
        if (word.length() > MAX_LENGTH) {
            return null;
        }
        int tolerance = Math.max(1, Math.min(MAX_TOLERANCE, word.length() / 3));
        String lowerWord = word.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = tolerance + 1;
        for (String c : candidates) {
            // every edit changes the length by at most one, so a longer or shorter name is surely too far
            if (Math.abs(c.length() - word.length()) > tolerance) {
                continue;
            }
            int d = distance(lowerWord, c.toLowerCase(Locale.ROOT), tolerance);
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return best;
    }

    /**
     * Edit distance counting a swap of two neighbouring letters as one edit ("WRTIE" is 1 from "WRITE"), or
     * {@code limit + 1} when it is more than {@code limit}. Only cells within {@code limit} of the diagonal are
     * computed, in three rolling rows, so the work is about {@code a.length() * (2 * limit + 1)} cells.
     */
    static int distance(String a, String b, int limit) {
        int n = a.length();
        int m = b.length();
        int far = limit + 1;
        if (Math.abs(n - m) > limit) {
            return far;
        }
        int[] before = new int[m + 1]; // row i - 2, for swaps
        int[] previous = new int[m + 1];
        int[] current = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            previous[j] = Math.min(j, far);
        }
        for (int i = 1; i <= n; i++) {
            int from = Math.max(1, i - limit);
            int to = Math.min(m, i + limit);
            // cells just outside the band count as too far, so the band never reads a stale value
            current[from - 1] = from == 1 ? Math.min(i, far) : far;
            if (to < m) {
                current[to + 1] = far;
            }
            int rowMin = current[from - 1];
            for (int j = from; j <= to; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int d = Math.min(previous[j - 1] + cost, Math.min(previous[j] + 1, current[j - 1] + 1));
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d = Math.min(d, before[j - 2] + 1);
                }
                current[j] = Math.min(d, far);
                rowMin = Math.min(rowMin, current[j]);
            }
            if (rowMin >= far) {
                return far; // every path is already too long
            }
            int[] spare = before;
            before = previous;
            previous = current;
            current = spare;
        }
        return previous[m];
    }
}
