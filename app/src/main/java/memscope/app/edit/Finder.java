package memscope.app.edit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import memscope.app.hex.AddressRange;
import memscope.app.hex.ByteSource;

/**
 * Finds a {@link SearchPattern} in memory read through a {@link ByteSource}, forwards or backwards, over ranges
 * as long as an address space. Memory is read in chunks that overlap by the pattern's length minus one, so a
 * match across a chunk boundary is found; a match never spans a gap between readable ranges.
 */
public final class Finder {
    public static final int DEFAULT_CHUNK = 1 << 20;

    private final ByteSource reader;
    private final int chunk;

    public Finder(ByteSource reader) {
        this(reader, DEFAULT_CHUNK);
    }

    /** {@code chunk} is how many match starts each read covers (tests make it tiny to stress the boundaries). */
    public Finder(ByteSource reader, int chunk) {
        if (chunk < 1) {
            throw new IllegalArgumentException("chunk must be positive");
        }
        this.reader = reader;
        this.chunk = chunk;
    }

    /** The first match inside {@code within} that starts at or after {@code from}. */
    public Optional<ByteRange> findNext(SearchPattern pattern, long from, ByteRange within) {
        int len = pattern.length();
        for (AddressRange seg : reader.readableRanges(within.start(), within.end())) {
            long pos = Math.max(seg.start(), from);
            long segEnd = seg.end();
            while (pos < segEnd && segEnd - pos >= len) {
                int wanted = (int) Math.min((long) chunk + len - 1, segEnd - pos);
                byte[] buf = new byte[wanted];
                int got = reader.read(pos, buf, wanted);
                int at = pattern.firstIn(buf, got, 0, Math.min(chunk, got));
                if (at >= 0) {
                    return Optional.of(new ByteRange(pos + at, pos + at + len));
                }
                if (got < wanted) {
                    break; // the readable memory ends inside this window
                }
                pos += chunk;
            }
        }
        return Optional.empty();
    }

    /** The last match inside {@code within} that starts before {@code before}. */
    public Optional<ByteRange> findPrevious(SearchPattern pattern, long before, ByteRange within) {
        int len = pattern.length();
        List<AddressRange> segs = reader.readableRanges(within.start(), within.end());
        for (int s = segs.size() - 1; s >= 0; s--) {
            AddressRange seg = segs.get(s);
            long hi = Math.min(before, seg.end() - len + 1); // match starts lie below hi
            while (hi > seg.start()) {
                long lo = Math.max(seg.start(), hi - chunk);
                int wanted = (int) (hi - lo + len - 1);
                byte[] buf = new byte[wanted];
                int got = reader.read(lo, buf, wanted);
                int at = pattern.lastIn(buf, got, 0, (int) (hi - lo));
                if (at >= 0) {
                    return Optional.of(new ByteRange(lo + at, lo + at + len));
                }
                hi = lo;
            }
        }
        return Optional.empty();
    }

    /** A match, and whether the search went past the end (or start) of the range and came round to find it. */
    public record Hit(ByteRange range, boolean wrapped) {
    }

    /**
     * Find next as a find bar does it: the first match starting after {@code caret}; if there is none, the first
     * from the start of {@code within} (wrapped).
     */
    public Optional<Hit> findNextWrapping(SearchPattern pattern, long caret, ByteRange within) {
        Optional<ByteRange> m = findNext(pattern, caret + 1, within);
        if (m.isPresent()) {
            return Optional.of(new Hit(m.get(), false));
        }
        return findNext(pattern, within.start(), within).map(r -> new Hit(r, true));
    }

    /** Find previous: the last match starting before {@code caret}; if none, the last in {@code within}. */
    public Optional<Hit> findPreviousWrapping(SearchPattern pattern, long caret, ByteRange within) {
        Optional<ByteRange> m = findPrevious(pattern, caret, within);
        if (m.isPresent()) {
            return Optional.of(new Hit(m.get(), false));
        }
        return findPrevious(pattern, within.end(), within).map(r -> new Hit(r, true));
    }

    /** Every match inside {@code within}, overlapping ones included, up to {@code limit} of them. */
    public List<ByteRange> findAll(SearchPattern pattern, ByteRange within, int limit) {
        List<ByteRange> out = new ArrayList<>();
        long from = within.start();
        while (out.size() < limit) {
            Optional<ByteRange> m = findNext(pattern, from, within);
            if (m.isEmpty()) {
                break;
            }
            out.add(m.get());
            from = m.get().start() + 1;
        }
        return out;
    }
}
