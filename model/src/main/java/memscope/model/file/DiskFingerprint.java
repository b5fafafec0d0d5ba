package memscope.model.file;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.zip.CRC32;

import memscope.model.io.RegularFiles;
import memscope.model.text.Text;

/**
 * A cheap identity of a file's contents: size, modification time and a CRC of its first and last 64 KiB. If it
 * differs from the one taken at open, someone else changed the file, and saving over it would lose their work.
 */
record DiskFingerprint(long size, FileTime modified, long headCrc, long tailCrc) {
    private static final int SAMPLE = 64 * 1024;

    static DiskFingerprint of(Path file) throws IOException {
        FileTime modified = Files.getLastModifiedTime(file);
        try (FileChannel ch = RegularFiles.openForReading(file)) { // a file swapped for a FIFO must not block
            long size = ch.size();
            return new DiskFingerprint(size, modified, crc(ch, 0, size), crc(ch, Math.max(0, size - SAMPLE), size));
        }
    }

    private static long crc(FileChannel ch, long from, long size) throws IOException {
        byte[] buf = new byte[(int) Math.min(SAMPLE, size - from)];
        int n = FilePageSource.readFully(ch, from, buf, buf.length);
        CRC32 crc = new CRC32();
        crc.update(buf, 0, n);
        return crc.getValue();
    }

    /** A modification time as a person reads it: local date and time to the second, not raw nanoseconds. */
    static String readable(FileTime time) {
        return SECONDS.format(time.toInstant());
    }

    private static final java.time.format.DateTimeFormatter SECONDS = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm:ss").withZone(java.time.ZoneId.systemDefault());

    /** What differs, in words, or null when nothing does. */
    Text differenceFrom(DiskFingerprint then) {
        if (size != then.size) {
            return FileWords.of("changed.size", then.size, size);
        }
        if (!modified.equals(then.modified)) {
            return FileWords.of("changed.modified", readable(modified), readable(then.modified));
        }
        if (headCrc != then.headCrc || tailCrc != then.tailCrc) {
            return FileWords.of("changed.contents");
        }
        return null;
    }
}
