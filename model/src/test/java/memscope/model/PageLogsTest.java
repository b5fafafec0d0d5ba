package memscope.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The page-log table finds, adds and removes as a map does, through growth and removals inside probe runs. */
class PageLogsTest {
    @Test
    void behavesLikeAMap() {
        PageLogs logs = new PageLogs();
        Map<Long, PageLog> model = new HashMap<>();
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < 200_000; i++) {
            // few keys, so removals often land inside runs of collisions
            long page = r.nextInt(i < 100_000 ? 64 : 5_000);
            if (r.nextInt(3) == 0) {
                logs.remove(page);
                model.remove(page);
            } else {
                PageLog log = logs.getOrAdd(page);
                PageLog expected = model.computeIfAbsent(page, p -> log);
                assertSame(expected, log, "page " + page);
            }
            if (i % 1_000 == 0) {
                Map<Long, PageLog> seen = new HashMap<>();
                logs.forEach(seen::put);
                assertEquals(model, seen);
                assertEquals(model.isEmpty(), logs.isEmpty());
            }
        }
        for (long page = 0; page < 5_000; page++) {
            assertSame(model.get(page), logs.get(page), "page " + page);
        }
    }
}
