package memscope.model.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One temporary file per reader, rewritten for every input, so the readers are fuzzed through their file entry. */
final class ScratchFiles {
    private ScratchFiles() {
    }

    static Path create(String suffix) {
        try {
            Path file = Files.createTempFile("memscope-fuzz-", suffix);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path file, byte[] bytes) {
        try {
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
