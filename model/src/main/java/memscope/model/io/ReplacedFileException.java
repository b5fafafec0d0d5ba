package memscope.model.io;

import java.io.IOException;
import java.nio.file.Path;

import memscope.model.text.Localized;
import memscope.model.text.Text;

/** The file was replaced by another between the check and the open: what was opened is not what was checked. */
public final class ReplacedFileException extends IOException implements Localized {
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    ReplacedFileException(Path file) {
        super(IoWords.of("replaced", file).english());
        this.file = file;
    }

    @Override
    public Text text() {
        return IoWords.of("replaced", file);
    }
}
