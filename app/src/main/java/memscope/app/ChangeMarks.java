package memscope.app;

import java.util.OptionalInt;
import memscope.app.edit.Editor;
import memscope.app.edit.KernelByteReader;
import memscope.app.edit.OriginalBytes;
import memscope.app.hex.HexView;
import memscope.app.kernel.KernelSession;

/**
 * Keeps the hex view's "changed" marks honest: bytes of the viewed process that hold what they held before the
 * editor's edits (typed back, undone) lose the mark, and a save clears them all.
 */
final class ChangeMarks {
    private final KernelSession session;
    private final Editor editor;
    private final HexView hexView;

    ChangeMarks(KernelSession session, Editor editor, HexView hexView) {
        this.session = session;
        this.editor = editor;
        this.hexView = hexView;
    }

    /** {@code [address, address + length)} was just marked changed: unmark what holds its old value again. */
    void marked(long address, long length) {
        OptionalInt reader = session.viewedReader();
        OriginalBytes originals = editor.originalsOf(session.viewedProcessProperty().get());
        if (reader.isEmpty() || originals.isEmpty()) {
            return;
        }
        KernelByteReader now = new KernelByteReader(session.kernel(), reader.getAsInt());
        session.quietly(() -> {
            originals.compare(address, length, now, hexView::unmarkChanged);
            return null;
        });
    }

    /** The document was saved: nothing it shows is changed any more. */
    void saved() {
        editor.forgetOriginals();
        hexView.clearChanges();
    }
}
