package memscope.app.edit;

import java.util.Arrays;

import memscope.app.hex.ByteSource;
import memscope.app.text.RefusedInputException;

/**
 * The editor's read-only actions on a process's memory, free of JavaFX so they are tested directly: copy a
 * selection as text, read from the document's memory. Edits (paste,
 * fill) are not here: they go through {@link Editor}, the one undoable path to the kernel.
 */
public final class EditActions {
    /** Larger selections are not put on the clipboard: the text would be many times their size. */
    public static final int MAX_COPY = 16 * 1024 * 1024;

    private final ByteSource reader;

    public EditActions(ByteSource memory) {
        this.reader = memory;
    }

    /** The readable bytes of {@code range}, up to the first unreadable one. */
    public byte[] read(ByteRange range) {
        if (range.length() > MAX_COPY) {
            throw new RefusedInputException("copy.error.tooLarge", String.valueOf(range.length()),
                    String.valueOf(MAX_COPY));
        }
        byte[] data = new byte[(int) range.length()];
        int got = range.length() == 0 ? 0 : reader.read(range.start(), data, data.length);
        return got == data.length ? data : Arrays.copyOf(data, got);
    }

    /** The selection as text; throws if part of it cannot be read, rather than copying a silent prefix. */
    public String copy(ByteRange selection, CopyFormat format) {
        byte[] bytes = read(selection);
        if (bytes.length < selection.length()) {
            throw new RefusedInputException("copy.error.unreadable",
                    String.format("0x%x", selection.start() + bytes.length));
        }
        return format.format(bytes);
    }
}
