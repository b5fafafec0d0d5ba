package memscope.app.find;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import memscope.app.document.KernelMemory;
import memscope.app.edit.ByteRange;
import memscope.model.IoResult;
import memscope.model.Status;
import memscope.model.file.FileDocument;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Find over an open file, the way the window reads it (the file's mapped pages through the kernel, edited bytes
 * from the kernel's own pages), finds exactly the matches a naive scan of the same bytes finds: forwards and
 * backwards, across chunk, page and 64 KiB block edges, with wildcards, and a match ending at the file's last byte.
 */
class FileFindPropertiesTest {
    /** Bytes that stress the eight-at-a-time scan: zero, ones with the high bit set, and plain ones. */
    private static final int[] ALPHABET = {0x00, 0x41, 0x80, 0xFF, 0x7F, 0x01};

    /** Pattern bytes from {@link #ALPHABET}, or -1 for a {@code ??} wildcard; two fixed bytes at least. */
    @Provide
    Arbitrary<int[]> pattern() {
        return Arbitraries.integers().between(-1, ALPHABET.length - 1).array(int[].class).ofMinSize(2).ofMaxSize(9)
                .filter(p -> java.util.Arrays.stream(p).filter(b -> b >= 0).count() >= 2);
    }

    @Provide
    Arbitrary<Integer> chunk() {
        return Arbitraries.of(1, 3, 8, 9, 4093, 4096, 65_536, 65_537, Finder.DEFAULT_CHUNK);
    }

    @Property(tries = 60)
    void findsWhatANaiveScanFinds(@ForAll @IntRange(min = 9, max = 140_000) int anySize,
                                  @ForAll("pattern") int[] pat, @ForAll("chunk") int chunk,
                                  @ForAll @IntRange(min = 0, max = 6) int planted,
                                  @ForAll @IntRange(min = 0, max = 4) int edits, @ForAll long seed)
            throws Exception {
        int size = chunk < 4093 ? Math.min(anySize, 5_000) : anySize; // a few bytes a read: keep it quick
        Random random = new Random(seed);
        byte[] content = new byte[size];
        random.nextBytes(content);
        int len = pat.length;
        List<Integer> places = new ArrayList<>(List.of(size - len, Math.max(0, Math.min(size - len, chunk - 1))));
        for (int i = 0; i < planted; i++) {
            places.add(random.nextInt(size - len + 1));
        }
        for (int at : places) {
            plant(content, at, pat, random);
        }
        Path file = Files.createTempFile("find", ".bin");
        try {
            Files.write(file, content);
            try (FileDocument doc = FileDocument.open(file)) {
                for (int i = 0; i < edits; i++) {
                    // an edit lands in the kernel's pages; around it the bytes still come from the file
                    int at = i == 0 ? places.get(random.nextInt(places.size())) : random.nextInt(size);
                    byte[] bytes = new byte[Math.min(size - at, 1 + random.nextInt(len + 1))];
                    if (random.nextBoolean()) {
                        plant(bytes, 0, java.util.Arrays.copyOf(pat, Math.min(len, bytes.length)), random);
                    } else {
                        random.nextBytes(bytes);
                    }
                    IoResult r = doc.kernel().writeMemory(doc.editHandle(), doc.baseAddress() + at, bytes,
                            bytes.length);
                    assertEquals(Status.OK, r.status());
                    System.arraycopy(bytes, 0, content, at, bytes.length);
                }
                SearchPattern p = toPattern(pat);
                long base = doc.baseAddress();
                Finder finder = new Finder(new KernelMemory(doc.kernel(), doc.processHandle()), chunk);
                ByteRange within = new ByteRange(base, doc.endAddress());
                List<Long> expected = naive(content, pat, base);

                List<Long> forwards = new ArrayList<>();
                for (Optional<ByteRange> m = finder.findNext(p, base, within); m.isPresent();
                     m = finder.findNext(p, m.get().start() + 1, within)) {
                    forwards.add(m.get().start());
                }
                assertEquals(expected, forwards, "forwards, chunk " + chunk);

                List<Long> backwards = new ArrayList<>();
                for (Optional<ByteRange> m = finder.findPrevious(p, within.end(), within); m.isPresent();
                     m = finder.findPrevious(p, m.get().start(), within)) {
                    backwards.add(0, m.get().start());
                }
                assertEquals(expected, backwards, "backwards, chunk " + chunk);
            }
        } finally {
            Files.delete(file);
        }
    }

    /**
     * The file is cut short (or removed) under the open document after some edits: Find never gives a wrong answer
     * and never throws anything else. Forwards it finds the first match when every byte up to its end can still be
     * read, else it stops with {@link UnreadableMemoryException} at the first page that cannot; backwards it finds
     * the last match or stops inside a page that cannot be read. Edited pages live in the kernel and stay
     * readable; a removed file's open channel still reads.
     */
    @Property(tries = 40)
    void aFileCutShortStopsTheSearchWithItsAddress(@ForAll @IntRange(min = 9, max = 300_000) int size,
                                                  @ForAll("pattern") int[] pat, @ForAll("chunk") int anyChunk,
                                                  @ForAll @IntRange(min = 0, max = 4) int edits,
                                                  @ForAll @IntRange(min = 0, max = 100) int keptPercent,
                                                  @ForAll boolean remove, @ForAll long seed) throws Exception {
        int chunk = Math.max(anyChunk, 4093); // small chunks over 300 KB would take long
        Random random = new Random(seed);
        byte[] content = new byte[size];
        random.nextBytes(content);
        for (int i = 0; i < 3; i++) {
            plant(content, random.nextInt(size - pat.length + 1), pat, random);
        }
        int page = memscope.model.Kernel.PAGE_SIZE;
        int pages = (size + page - 1) / page;
        boolean[] edited = new boolean[pages];
        Path file = Files.createTempFile("find-cut", ".bin");
        try {
            Files.write(file, content);
            try (FileDocument doc = FileDocument.open(file)) {
                for (int i = 0; i < edits; i++) {
                    int at = random.nextInt(size);
                    byte[] bytes = new byte[Math.min(size - at, 1 + random.nextInt(page + 2))];
                    random.nextBytes(bytes);
                    assertEquals(Status.OK, doc.kernel().writeMemory(doc.editHandle(), doc.baseAddress() + at,
                            bytes, bytes.length).status());
                    System.arraycopy(bytes, 0, content, at, bytes.length);
                    for (int p = at / page; p <= (at + bytes.length - 1) / page; p++) {
                        edited[p] = true;
                    }
                }
                long kept = remove ? size : (long) size * keptPercent / 100;
                if (remove) {
                    Files.delete(file);
                } else {
                    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                        ch.truncate(kept);
                    }
                }
                // the first and the last page that can no longer be read, or -1
                int firstBad = -1;
                int lastBad = -1;
                for (int p = (int) (kept / page); p < pages; p++) {
                    if (!edited[p] && (long) p * page < size && (kept < size)) {
                        firstBad = firstBad < 0 ? p : firstBad;
                        lastBad = p;
                    }
                }
                long base = doc.baseAddress();
                Finder finder = new Finder(new KernelMemory(doc.kernel(), doc.processHandle()), chunk);
                ByteRange within = new ByteRange(base, doc.endAddress());
                List<Long> expected = naive(content, pat, base);
                SearchPattern p = toPattern(pat);
                Set<Long> badStarts = new HashSet<>();
                for (int q = Math.max(firstBad, 0); firstBad >= 0 && q <= lastBad; q++) {
                    if (!edited[q]) {
                        badStarts.add(base + (long) q * page);
                    }
                }

                Optional<ByteRange> first = Optional.empty();
                UnreadableMemoryException forwardStop = null;
                try {
                    first = finder.findNext(p, base, within);
                } catch (UnreadableMemoryException e) {
                    forwardStop = e;
                }
                long firstBadAddress = firstBad < 0 ? Long.MAX_VALUE : base + (long) firstBad * page;
                if (!expected.isEmpty() && expected.get(0) + pat.length <= firstBadAddress) {
                    assertEquals(Optional.of(expected.get(0)), first.map(ByteRange::start), "forwards");
                } else if (firstBad >= 0) {
                    assertEquals(firstBadAddress, forwardStop == null ? -1 : forwardStop.address(),
                            "forwards stops at the first page that cannot be read");
                } else {
                    assertEquals(Optional.empty(), first, "forwards, nothing to find");
                }

                Optional<ByteRange> last = Optional.empty();
                UnreadableMemoryException backwardStop = null;
                try {
                    last = finder.findPrevious(p, within.end(), within);
                } catch (UnreadableMemoryException e) {
                    backwardStop = e;
                }
                if (backwardStop != null) {
                    long stop = backwardStop.address();
                    assertTrue(badStarts.contains(base + (stop - base) / page * page),
                            "backwards stops in a page that cannot be read: " + stop);
                } else if (last.isPresent()) {
                    long at = last.get().start();
                    assertEquals(expected.get(expected.size() - 1), at, "backwards");
                    assertTrue(lastBad < 0 || base + (long) (lastBad + 1) * page <= at,
                            "backwards read past a page that cannot be read");
                } else {
                    assertTrue(expected.isEmpty() && firstBad < 0, "backwards: a false 'not found'");
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Writes the pattern at {@code at}, a random byte where it has a wildcard. */
    private static void plant(byte[] data, int at, int[] pat, Random random) {
        for (int i = 0; i < pat.length && at + i < data.length; i++) {
            data[at + i] = pat[i] < 0 ? (byte) random.nextInt(256) : (byte) ALPHABET[pat[i]];
        }
    }

    private static List<Long> naive(byte[] data, int[] pat, long base) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i + pat.length <= data.length; i++) {
            boolean match = true;
            for (int j = 0; j < pat.length && match; j++) {
                match = pat[j] < 0 || data[i + j] == (byte) ALPHABET[pat[j]];
            }
            if (match) {
                out.add(base + i);
            }
        }
        return out;
    }

    private static SearchPattern toPattern(int[] pat) throws Exception {
        StringBuilder s = new StringBuilder();
        for (int b : pat) {
            s.append(b < 0 ? "?? " : String.format("%02X ", ALPHABET[b]));
        }
        return SearchPattern.hex(s.toString().trim());
    }
}
