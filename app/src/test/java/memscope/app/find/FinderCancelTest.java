package memscope.app.find;

import memscope.app.edit.ArrayByteSource;
import memscope.app.edit.ByteRange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.Test;

/** A long search tells its watcher how far it got after each chunk, and stops when the watcher cancels it. */
class FinderCancelTest {
    private static final long BASE = 0x10_0000L;
    private static final int SIZE = 1 << 20;

    @Test
    void aWatcherSeesEachChunkAndCanStopTheSearch() {
        byte[] data = new byte[SIZE];
        data[SIZE - 2] = 0x5a;
        boolean[] readable = new boolean[SIZE];
        java.util.Arrays.fill(readable, true);
        ArrayByteSource reader = new ArrayByteSource(BASE, data, readable);
        ByteRange within = new ByteRange(BASE, BASE + SIZE);
        Finder finder = new Finder(reader, 64 * 1024);
        SearchPattern pattern = SearchPattern.of(new byte[] {0x5a, 0});
        List<Long> seen = new ArrayList<>();
        Finder.Hit hit = finder.findNextWrapping(pattern, BASE, within, (scanned, total) -> {
            assertEquals(SIZE, total);
            seen.add(scanned);
        }).orElseThrow();
        assertEquals(BASE + SIZE - 2, hit.range().start());
        assertEquals(15, seen.size(), "one report per 64 KiB chunk before the one holding the match: " + seen);

        List<Long> beforeCancel = new ArrayList<>();
        assertThrows(CancellationException.class, () -> finder.findNextWrapping(pattern, BASE, within,
                (scanned, total) -> {
                    beforeCancel.add(scanned);
                    if (scanned >= 4 * 64 * 1024) {
                        throw new CancellationException("Cancel pressed");
                    }
                }));
        assertEquals(4, beforeCancel.size(), "nothing more is read once cancelled");
        assertTrue(beforeCancel.get(3) < SIZE);
    }
}
