package memscope.app.edit;

import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

import memscope.model.IoResult;
import memscope.model.Kernel;
import memscope.model.Status;

/**
 * The editor's menu actions on a process's memory, one call each, free of JavaFX so they are tested directly:
 * copy a selection as text, paste hex at the caret, decode the bytes at the caret. Reads go through a handle with
 * READ|WRITE; pastes through the edit handle (which may lack WRITE, and then every paste is refused).
 */
public final class EditActions {
    /** Larger selections are not put on the clipboard: the text would be many times their size. */
    public static final int MAX_COPY = 16 * 1024 * 1024;

    private final Kernel kernel;
    private final int editHandle;
    private final KernelByteReader reader;

    public EditActions(Kernel kernel, int readHandle, int editHandle) {
        this.kernel = kernel;
        this.editHandle = editHandle;
        this.reader = new KernelByteReader(kernel, readHandle);
    }

    /** What a paste did: {@code written} bytes at {@code address}; {@code message} is for the status bar. */
    public record PasteOutcome(Status status, long address, int parsed, long written, String message) {
        public boolean complete() {
            return status == Status.OK && written == parsed;
        }
    }

    /** The readable bytes of {@code range}, up to the first unreadable one. */
    public byte[] read(ByteRange range) {
        if (range.length() > MAX_COPY) {
            throw new IllegalArgumentException("the selection is " + range.length() + " bytes; at most "
                    + MAX_COPY + " can be copied");
        }
        byte[] data = new byte[(int) range.length()];
        int got = range.length() == 0 ? 0 : reader.read(range.start(), data, data.length);
        return got == data.length ? data : Arrays.copyOf(data, got);
    }

    /** The selection as text; throws if part of it cannot be read, rather than copying a silent prefix. */
    public String copy(ByteRange selection, CopyFormat format) {
        byte[] bytes = read(selection);
        if (bytes.length < selection.length()) {
            throw new IllegalArgumentException(String.format("cannot copy: memory at 0x%x is not readable",
                    selection.start() + bytes.length));
        }
        return format.format(bytes);
    }

    /**
     * Parses {@code text} as hex and writes it at {@code address}. Bad hex writes nothing and says where it is
     * wrong; a write that stops at a mapping's end says how much went in.
     */
    public PasteOutcome paste(long address, String text) {
        byte[] bytes;
        try {
            bytes = HexParser.parse(text);
        } catch (HexParseException e) {
            return new PasteOutcome(Status.ERR_INVALID_ARGS, address, 0, 0, "Cannot paste: " + e.getMessage());
        }
        IoResult r = kernel.writeMemory(editHandle, address, bytes, bytes.length);
        if (r.status() != Status.OK) {
            return new PasteOutcome(r.status(), address, bytes.length, 0,
                    "Paste refused: " + r.status().zxName());
        }
        String message = r.actual() == bytes.length
                ? String.format("Pasted %d bytes at 0x%x", bytes.length, address)
                : String.format("Pasted %d of %d bytes at 0x%x: the mapping ends there", r.actual(), bytes.length,
                        address);
        return new PasteOutcome(Status.OK, address, bytes.length, r.actual(), message);
    }

    /** The data inspector's rows for the caret (fewer than 8 readable bytes show dashes for the wider types). */
    public List<DataInspector.Row> inspect(long caret, ByteOrder order) {
        byte[] bytes = new byte[8];
        int got = reader.read(caret, bytes, bytes.length);
        return DataInspector.rows(bytes, 0, got, order);
    }
}
