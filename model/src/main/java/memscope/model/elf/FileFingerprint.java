package memscope.model.elf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;

/**
 * What tells an ELF file from a changed one without reading all of it: its size, its modification time and a
 * CRC-32 of its first {@link #HEAD} bytes (the headers, which any rebuild changes). A saved session keeps the
 * fingerprint of each file whose segments it names, and refuses to read a file whose fingerprint is no longer it.
 */
record FileFingerprint(long size, long modifiedMillis, long headCrc) {
    static final int HEAD = 64 * 1024;

    static FileFingerprint of(Path path, FileChannel channel) throws IOException {
        long size = channel.size();
        ByteBuffer head = ByteBuffer.allocate((int) Math.min(size, HEAD));
        while (head.hasRemaining() && channel.read(head, head.position()) >= 0) {
            // positional reads leave the channel's position to the segment readers
        }
        CRC32 crc = new CRC32();
        crc.update(head.array(), 0, head.position());
        return new FileFingerprint(size, Files.getLastModifiedTime(path).toMillis(), crc.getValue());
    }

    /** {@code size-modifiedMillis-crc}, all in hex. */
    @Override
    public String toString() {
        return Long.toHexString(size) + "-" + Long.toHexString(modifiedMillis) + "-" + Long.toHexString(headCrc);
    }
}
