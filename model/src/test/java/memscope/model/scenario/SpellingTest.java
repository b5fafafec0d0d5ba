package memscope.model.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** "Did you mean" suggestions still find typos, and hostile names cannot make the search quadratic. */
class SpellingTest {
    @Test
    void typosStillFindTheirWord() {
        List<String> fields = List.of("name", "handle", "size", "resizable", "cachePolicy", "contents", "comment");
        assertEquals("size", Spelling.closest("sise", fields));
        assertEquals("resizable", Spelling.closest("resizeable", fields));
        assertEquals("cachePolicy", Spelling.closest("cachepolicy", fields), "case does not count");
        assertEquals("handle", Spelling.closest("hnadle", fields), "a swap of neighbours is one edit");
        assertEquals("WRITE", Spelling.closest("WRTIE", List.of("READ", "WRITE", "EXECUTE")));
        assertNull(Spelling.closest("colour", fields));
        assertNull(Spelling.closest("x", List.of()));
    }

    @Test
    void theBoundedDistanceIsTheEditDistanceUpToTheLimit() {
        assertEquals(0, Spelling.distance("write", "write", 2));
        assertEquals(1, Spelling.distance("wrtie", "write", 2));
        assertEquals(1, Spelling.distance("writ", "write", 2));
        assertEquals(3, Spelling.distance("kitten", "sitting", 3));
        assertEquals(3, Spelling.distance("kitten", "sitting", 2), "more than the limit reads as limit + 1");
        assertEquals(3, Spelling.distance("ab", "abcdef", 2), "lengths too far apart");
        assertEquals(2, Spelling.distance("", "ab", 2));
    }

    @Test
    void theBoundedDistanceAgreesWithTheFullTableOnRandomWords() {
        Random random = new Random(42);
        for (int n = 0; n < 2_000; n++) {
            String a = randomWord(random);
            String b = random.nextBoolean() ? mutate(a, random) : randomWord(random);
            int full = fullDistance(a, b);
            for (int limit = 0; limit <= 3; limit++) {
                int expected = Math.min(full, limit + 1);
                int limitUsed = limit;
                assertEquals(expected, Spelling.distance(a, b, limit), () -> a + " / " + b + " limit " + limitUsed);
            }
        }
    }

    @Test
    void aMillionCharacterPairTakesLinearMemoryAndTime() {
        // the full table would be 10^12 cells: neither the heap nor the test's lifetime could hold it
        String a = "x".repeat(1_000_000);
        String b = "y" + a.substring(2) + "y";
        assertEquals(2, Spelling.distance(a, b, 2));
        assertEquals(3, Spelling.distance(a, "y".repeat(1_000_000), 2), "gives up once every path is too long");
    }

    @Test
    void thousandsOfLongNamesAreSearchedQuickly() {
        // 3,000 names of 1,200 characters took 20 s with the full table, per misspelt reference
        Random random = new Random(7);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            StringBuilder s = new StringBuilder();
            for (int j = 0; j < 1_200; j++) {
                s.append((char) ('a' + random.nextInt(3)));
            }
            names.add(s.toString());
        }
        String typo = names.get(1_234).substring(0, 600) + "Z" + names.get(1_234).substring(601);
        // the full table took 20 s; the suggester now returns at once. 10 s, not 2: a loaded CI machine
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertNull(Spelling.closest(typo, names), "a name this long gets no suggestion");
            assertNull(Spelling.closest("abc", names), "names of another length are not compared");
        });
    }

    @Test
    void aLongNameAmongThousandsIsStillRefusedWithinTheTestsTime() {
        StringBuilder scenario = new StringBuilder("{ \"format\": 1, \"title\": \"t\", \"processes\": [");
        for (int i = 0; i < 3_000; i++) {
            scenario.append(i == 0 ? "" : ", ").append("{ \"name\": \"").append(String.format("%01200d", i))
                    .append("\" }");
        }
        scenario.append("], \"vmos\": [ { \"name\": \"v\", \"size\": 1 } ], \"mappings\": [ { \"in\": \"")
                .append(String.format("%01199d", 7)).append("x\", \"vmo\": \"v\", \"perms\": \"r--\" } ] }");
        ScenarioException e = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThrows(
                ScenarioException.class, () -> ScenarioLoader.parse(scenario.toString(), "many.json")));
        assertTrue(e.problem().startsWith("mapping refers to unknown process or VMAR \"0000"), e.problem());
    }

    private static String randomWord(Random random) {
        int length = random.nextInt(9);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append((char) ('a' + random.nextInt(4)));
        }
        return s.toString();
    }

    /** One to three random edits: change, insert, delete or swap. */
    private static String mutate(String word, Random random) {
        StringBuilder s = new StringBuilder(word);
        for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
            int at = s.length() == 0 ? 0 : random.nextInt(s.length());
            switch (random.nextInt(4)) {
                case 0 -> s.insert(at, (char) ('a' + random.nextInt(4)));
                case 1 -> { if (s.length() > 0) s.deleteCharAt(at); }
                case 2 -> { if (s.length() > 0) s.setCharAt(at, (char) ('a' + random.nextInt(4))); }
                default -> {
                    if (at + 1 < s.length()) {
                        char c = s.charAt(at);
                        s.setCharAt(at, s.charAt(at + 1));
                        s.setCharAt(at + 1, c);
                    }
                }
            }
        }
        return s.toString();
    }

    /** The full-table edit distance with swaps, as the suggestion search used to compute it. */
    private static int fullDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1));
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
