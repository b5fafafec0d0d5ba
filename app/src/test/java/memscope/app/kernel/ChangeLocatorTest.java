package memscope.app.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import memscope.model.MapEntry;
import memscope.model.MemoryChange;
import org.junit.jupiter.api.Test;

class ChangeLocatorTest {
    private static final long SHARED = 77;
    private final List<MapEntry> maps = List.of(
            new MapEntry("root", 0x1000000, 0x10000000, 0, false, 0, 0, 0),
            new MapEntry("shared", 0x2000000, 0x2000, 1, true, 3, SHARED, 0),
            new MapEntry("other", 0x3000000, 0x1000, 1, true, 3, 12, 0),
            // a second window on the same VMO, starting one page in
            new MapEntry("shared", 0x4000000, 0x1000, 1, true, 1, SHARED, 0x1000));

    @Test
    void aChangeShowsThroughEveryMappingOfItsVmo() {
        List<ChangeLocator.Span> spans = ChangeLocator.locate(new MemoryChange(SHARED, 0x1008, 4), maps);
        assertEquals(List.of(new ChangeLocator.Span(0x2001008, 4), new ChangeLocator.Span(0x4000008, 4)), spans);
    }

    @Test
    void onlyThePartInsideAMappingIsPlaced() {
        List<ChangeLocator.Span> spans = ChangeLocator.locate(new MemoryChange(SHARED, 0xff0, 0x20), maps);
        assertEquals(List.of(new ChangeLocator.Span(0x2000ff0, 0x20), new ChangeLocator.Span(0x4000000, 0x10)),
                spans);
    }

    @Test
    void aVmoNotMappedHereChangesNothingHere() {
        assertEquals(List.of(), ChangeLocator.locate(new MemoryChange(99, 0, 4096), maps));
        assertEquals(List.of(), ChangeLocator.locate(new MemoryChange(SHARED, 0x2000, 8), maps));
    }
}
