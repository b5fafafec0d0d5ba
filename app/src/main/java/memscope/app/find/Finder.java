package memscope.app.find;

import memscope.app.edit.ByteRange;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import memscope.app.hex.AddressRange;
import memscope.app.hex.ByteSource;

/**
 * Finds a {@link SearchPattern} in memory read through a {@link ByteSource}, forwards or backwards, over ranges
 * as long as an address space. Memory is read in chunks that overlap by the pattern's length minus one, so a
 * match across a chunk boundary is found; a match never spans a gap between readable ranges. Memory that exists
 * but cannot be read (a file truncated under the editor) stops the search with {@link UnreadableMemoryException}.
 */
public final class Finder {
    public static final int DEFAULT_CHUNK = 1 << 20;

    /**
     * Hears how far a search has got, after each chunk: {@code scanned} of {@code total} readable bytes. It may
     * throw {@link java.util.concurrent.CancellationException} to stop the search (a Cancel button).
     */
    @FunctionalInterface
    public interface Watch {
        Watch NONE = (scanned, total) -> { };

        void advanced(long scanned, long total);
    }

    /** Counts the bytes scanned across the passes of one search. */
    private static final class Tally {
        private final Watch watch;
        private final long total;
        private long scanned;

        Tally(Watch watch, long total) {
            this.watch = watch;
            this.total = total;
        }

        void add(long bytes) {
            scanned += bytes;
            watch.advanced(Math.min(scanned, total), total);
        }
    }

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
        return findNext(pattern, from, within, new Tally(Watch.NONE, 0));
    }

    private Optional<ByteRange> findNext(SearchPattern pattern, long from, ByteRange within, Tally tally) {
        int len = pattern.length();
        byte[] buf = null; // one buffer for the whole search: a 1 GiB scan must not allocate 1 GiB
        for (AddressRange seg : reader.readableRanges(within.start(), within.end())) {
            long pos = Math.max(seg.start(), from);
            long segEnd = seg.end();
            while (pos < segEnd && segEnd - pos >= len) {
                int wanted = (int) Math.min((long) chunk + len - 1, segEnd - pos);
                if (buf == null || buf.length < wanted) {
                    buf = new byte[wanted];
                }
                int got = reader.read(pos, buf, wanted);
                int at = pattern.firstIn(buf, got, 0, Math.min(chunk, got));
                if (at >= 0) {
                    return Optional.of(new ByteRange(pos + at, pos + at + len));
                }
                if (got < wanted) {
                    failIfBroken(pos + got);
                    break; // the readable memory ends inside this window
                }
                pos += chunk;
                tally.add(chunk);
            }
        }
        return Optional.empty();
    }

    /** The last match inside {@code within} that starts before {@code before}. */
    public Optional<ByteRange> findPrevious(SearchPattern pattern, long before, ByteRange within) {
        return findPrevious(pattern, before, within, new Tally(Watch.NONE, 0));
    }

    private Optional<ByteRange> findPrevious(SearchPattern pattern, long before, ByteRange within, Tally tally) {
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
                if (got < wanted) {
                    failIfBroken(lo + got);
                }
                int at = pattern.lastIn(buf, got, 0, (int) (hi - lo));
                if (at >= 0) {
                    return Optional.of(new ByteRange(lo + at, lo + at + len));
                }
                tally.add(hi - lo);
                hi = lo;
            }
        }
        return Optional.empty();
    }

    /** A short read that is a failure, not the end of what is there, stops the search: no false "not found". */
    private void failIfBroken(long address) {
        if (address < reader.end() && reader.readFailsAt(address)) {
            throw new UnreadableMemoryException(address);
        }
    }

    /** A match, and whether the search went past the end (or start) of the range and came round to find it. */
    public record Hit(ByteRange range, boolean wrapped) {
    }

    /**
     * Find next as a find bar does it: the first match starting after {@code caret}; if there is none, the first
     * from the start of {@code within} (wrapped).
     */
    public Optional<Hit> findNextWrapping(SearchPattern pattern, long caret, ByteRange within) {
        return findNextWrapping(pattern, caret, within, Watch.NONE);
    }

    /**
     * As {@link #findNextWrapping(SearchPattern, long, ByteRange)}, telling {@code watch} how far it got; the
     * second pass stops where the first began, so the total is the readable bytes of {@code within}.
     */
    public Optional<Hit> findNextWrapping(SearchPattern pattern, long caret, ByteRange within, Watch watch) {
        Tally tally = new Tally(watch, readableBytes(within));
        Optional<ByteRange> m = findNext(pattern, caret + 1, within, tally);
        if (m.isPresent()) {
            return Optional.of(new Hit(m.get(), false));
        }
        long upTo = Math.min(within.end(), Math.max(within.start(), caret + pattern.length()));
        return findNext(pattern, within.start(), new ByteRange(within.start(), upTo), tally)
                .map(r -> new Hit(r, true));
    }

    /** Find previous: the last match starting before {@code caret}; if none, the last in {@code within}. */
    public Optional<Hit> findPreviousWrapping(SearchPattern pattern, long caret, ByteRange within) {
        return findPreviousWrapping(pattern, caret, within, Watch.NONE);
    }

    /** As {@link #findPreviousWrapping(SearchPattern, long, ByteRange)}, telling {@code watch} how far it got. */
    public Optional<Hit> findPreviousWrapping(SearchPattern pattern, long caret, ByteRange within, Watch watch) {
        Tally tally = new Tally(watch, readableBytes(within));
        Optional<ByteRange> m = findPrevious(pattern, caret, within, tally);
        if (m.isPresent()) {
            return Optional.of(new Hit(m.get(), false));
        }
        long from = Math.max(within.start(), Math.min(within.end(), caret)); // matches before it were looked at
        return findPrevious(pattern, within.end(), new ByteRange(from, within.end()), tally)
                .map(r -> new Hit(r, true));
    }

    /** How many bytes of {@code within} can be read: what a whole search scans. */
    public long readableBytes(ByteRange within) {
        long sum = 0;
        for (AddressRange r : reader.readableRanges(within.start(), within.end())) {
            sum += r.end() - r.start();
        }
        return sum;
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
