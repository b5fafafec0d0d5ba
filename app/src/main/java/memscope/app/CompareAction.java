package memscope.app;

import java.util.function.Supplier;
import memscope.app.edit.Editor;
import memscope.app.edit.HexParseException;
import memscope.app.edit.HexParser;
import memscope.app.hex.AddressRange;
import memscope.app.hex.HexView;
import memscope.app.kernel.CallRecorder.Recorded;
import memscope.app.status.ComparisonPane;
import memscope.app.status.Outcome;
import memscope.app.status.OutcomeDescriber;
import memscope.app.status.StatusPane;
import memscope.app.text.HexFormat;
import memscope.model.SyscallRecord;

/**
 * Simulation > Compare: writes the typed bytes at the caret (repeated over the selection, if any) under Mach, Linux
 * (the Linux path chosen) and then Zircon through the {@link Editor}, so it is one undoable edit and every call
 * reaches the syscall log, and shows the three outcomes side by side. It stays in the simulated kernel.
 */
final class CompareAction {
    /** A comparison is a demonstration, not a bulk fill: keep the repeated pattern small. */
    static final int MAX_BYTES = 64 * 1024;

    private final HexView hexView;
    private final Editor editor;
    private final StatusPane status;
    private final ComparisonPane pane;
    private final OutcomeDescriber describer;
    private final Messages messages;
    private final Supplier<String> typedBytes;

    CompareAction(HexView hexView, Editor editor, StatusPane status, ComparisonPane pane,
                  OutcomeDescriber describer, Messages messages, Supplier<String> typedBytes) {
        this.hexView = hexView;
        this.editor = editor;
        this.status = status;
        this.pane = pane;
        this.describer = describer;
        this.messages = messages;
        this.typedBytes = typedBytes;
    }

    void run() {
        byte[] pattern;
        try {
            pattern = HexParser.parse(typedBytes.get() == null ? "" : typedBytes.get());
        } catch (HexParseException e) {
            status.show(() -> messages.get("status.compareBad", messages.describe(e)), Outcome.ERROR);
            return;
        }
        if (pattern.length == 0) {
            status.show(() -> messages.get("status.compareEmpty"), Outcome.ERROR);
            return;
        }
        AddressRange selection = hexView.selectionProperty().get();
        boolean over = selection != null && !selection.isEmpty();
        long address = over ? selection.start() : hexView.caretProperty().get();
        long length = over ? selection.length() : pattern.length;
        if (length > MAX_BYTES) {
            status.show(() -> messages.get("status.compareTooLong", length, MAX_BYTES), Outcome.ERROR);
            return;
        }
        byte[] bytes = new byte[(int) length];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = pattern[i % pattern.length];
        }
        Editor.Comparison c = editor.compare(address, bytes);
        if (c == null) {
            status.show(() -> messages.get("status.pastReadOnly"), Outcome.ERROR);
            return;
        }
        if (c.mach().record() == null || c.linux().record() == null || c.zircon().record() == null) {
            return; // the kernel made no record: nothing to compare (cannot happen with the simulated kernel)
        }
        Outcome zircon = Outcome.of(c.zircon().record());
        Outcome mach = Outcome.of(c.mach().record());
        Outcome linux = Outcome.of(c.linux().record());
        String at = HexFormat.address(address);
        int written = bytes.length;
        pane.show(() -> messages.get("compare.title", written, at), () -> words(c.zircon(), address), zircon,
                () -> words(c.mach(), address), mach, () -> words(c.linux(), address), linux);
        status.show(() -> messages.get("status.compared3", at, c.zircon().record().resultName(),
                c.mach().record().resultName(), c.linux().record().resultName()),
                zircon == mach && mach == linux ? zircon : Outcome.PARTIAL);
    }

    /** A write in words; when Mach could not get a task port, the words of task_for_pid's refusal. */
    private String words(Recorded<Long> side, long address) {
        SyscallRecord r = side.record();
        return r.name().contains("write") ? describer.describeTransfer(r, address) : describer.describeCall(r);
    }
}
