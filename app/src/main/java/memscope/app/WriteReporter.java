package memscope.app;

import memscope.app.edit.Editor;
import memscope.app.hex.HexView;
import memscope.app.status.Outcome;
import memscope.app.status.OutcomeDescriber;
import memscope.app.status.StatusPane;
import memscope.model.SyscallRecord;

/**
 * Shows what each of the editor's writes did: the kernel's answer on the status line (marked as an undo or redo),
 * a red flash over the bytes it did not write, and an undo or redo far away brought into view.
 */
final class WriteReporter implements Editor.WriteListener {
    private final Messages messages;
    private final StatusPane status;
    private final OutcomeDescriber describer;
    private final HexView hexView;

    WriteReporter(Messages messages, StatusPane status, OutcomeDescriber describer, HexView hexView) {
        this.messages = messages;
        this.status = status;
        this.describer = describer;
        this.hexView = hexView;
    }

    @Override
    public void written(Editor.Cause cause, SyscallRecord record, long address, int length) {
        Outcome outcome = Outcome.of(record);
        if (cause != Editor.Cause.EDIT && !hexView.isVisible(address)) {
            hexView.goTo(address); // an undo or redo far away: show what it changed
        }
        status.show(() -> {
            String text = describer.describeTransfer(record, address);
            return cause == Editor.Cause.UNDO ? messages.get("status.undo", text)
                    : cause == Editor.Cause.REDO ? messages.get("status.redo", text) : text;
        }, outcome);
        if (outcome != Outcome.OK) {
            long done = record.ok() ? record.actual() : 0;
            hexView.flash(address + done, length - done);
        }
    }
}
