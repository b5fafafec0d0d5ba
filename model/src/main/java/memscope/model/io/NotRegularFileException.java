package memscope.model.io;

import java.io.IOException;
import java.nio.file.Path;

import memscope.model.text.Localized;
import memscope.model.text.Text;

/**
 * A path a person gave as a file that is something else: a named pipe, a device, a socket, a directory. Opening
 * one for reading could wait forever (a FIFO without a writer), so it is refused before it is opened.
 */
public final class NotRegularFileException extends IOException implements Localized {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final transient Text kind;

    NotRegularFileException(Path file, Text kind) {
        super(IoWords.of("notRegular", file, kind).english());
        this.file = file;
        this.kind = kind;
    }

    public Path file() {
        return file;
    }

    /** What the path is instead, e.g. "a named pipe (FIFO)". */
    public Text kind() {
        return kind;
    }

    /** The whole sentence: "/tmp/p is a named pipe (FIFO), not a regular file". */
    @Override
    public Text text() {
        return IoWords.of("notRegular", file, kind);
    }

    /** Without the name, for messages that already start with it: "is a named pipe (FIFO), not a regular file". */
    public Text problem() {
        return IoWords.of("notRegular.problem", kind);
    }
}
