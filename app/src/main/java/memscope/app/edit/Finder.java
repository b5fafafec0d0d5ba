package memscope.app.edit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds a {@link SearchPattern} in memory read through a {@link ByteReader}, forwards or backwards, over ranges
 * as long as an address space. Memory is read in chunks that overlap by the pattern's length minus one, so a
 * match across a chunk boundary is found; a match never spans a gap between readable ranges.
 */
public final class Finder {
    public static final int DEFAULT_CHUNK = 1 << 20;

    private final ByteReader reader;
    private final int chunk;

    public Finder(ByteReader reader) {
        this(reader, DEFAULT_CHUNK);
    }

    /** {@code chunk} is how many match starts each read covers (tests make it tiny to stress the boundaries). */
    public Finder(ByteReader reader, int chunk) {
        if (chunk < 1) {
            throw new IllegalArgumentException("chunk must be positive");
        }
        this.reader = reader;
        this.chunk = chunk;
    }

    /** The first match inside {@code within} that starts at or after {@code from}. */
    public Optional<ByteRange> findNext(SearchPattern pattern, long from, ByteRange within) {
        int len = pattern.length();
        for (ByteRange seg : reader.readableRanges(within.start(), within.end())) {
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
        List<ByteRange> segs = reader.readableRanges(within.start(), within.end());
        for (int s = segs.size() - 1; s >= 0; s--) {
            ByteRange seg = segs.get(s);
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
