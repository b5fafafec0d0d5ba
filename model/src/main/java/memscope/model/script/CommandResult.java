package memscope.model.script;

import java.util.Arrays;
import memscope.model.Errno;
import memscope.model.KernReturn;
import memscope.model.Status;
import memscope.model.text.Text;

/**
 * What one executed command did: the call it made, its outcome (a Zircon {@link Status} or a Mach
 * {@link KernReturn}, or a Linux call's {@link Errno}; the others are null), the bytes asked for and actually
 * moved, the bytes read, and a short
 * human-readable detail ("p1ro = new handle 0x1a2b3c4f rights=READ", a region's bounds). The detail and the
 * summary are {@link Text}, so the app words them in the person's language; the String forms are English.
 */
public record CommandResult(Command command, String call, Status status, KernReturn kernReturn, long requested,
                            long actual, byte[] data, Text detailText, Errno errno) {
    /** The detail of a result that has none. */
    static final Text NO_DETAIL = Text.verbatim("");

    public CommandResult {
        if ((status != null ? 1 : 0) + (kernReturn != null ? 1 : 0) + (errno != null ? 1 : 0) != 1) {
            throw new IllegalArgumentException("a result has exactly one of status, kernReturn and errno");
        }
        data = data == null ? new byte[0] : data.clone();
        detailText = detailText == null ? NO_DETAIL : detailText;
    }

    /** A Zircon or Mach call's result. */
    public CommandResult(Command command, String call, Status status, KernReturn kernReturn, long requested,
                         long actual, byte[] data, Text detailText) {
        this(command, call, status, kernReturn, requested, actual, data, detailText, null);
    }

    /**
     * {@code ZX_OK}, {@code ZX_ERR_ACCESS_DENIED}, {@code KERN_PROTECTION_FAILURE}...; a Linux call's errno
     * ({@code EFAULT}), or {@code OK} when it returned without one.
     */
    public String statusName() {
        return status != null ? status.zxName() : kernReturn != null ? kernReturn.machName() : errno.name();
    }

    /** False when the line said {@code expect STATUS} and the call answered another status. */
    public boolean expectationMet() {
        return command.expected().map(statusName()::equals).orElse(true);
    }

    public boolean ok() {
        return status != null ? status == Status.OK : kernReturn != null ? kernReturn == KernReturn.SUCCESS
                : errno == Errno.OK;
    }

    /** The 1-based script line the command came from. */
    public int line() {
        return command.line();
    }

    /** The bytes a read returned (empty for other calls); a copy. */
    @Override
    public byte[] data() {
        return data.clone();
    }

    /** The detail in English; empty when there is none. */
    public String detail() {
        return detailText.english();
    }

    /** One line for a console transcript, in English: {@code write p1 0x1000000 de ad -> ZX_OK actual=2}. */
    public String summary() {
        return summaryText().english();
    }

    /**
     * The transcript line as words: the echoed command and the status name stay as typed and named in every
     * language, the words around them are translated ("(partial: 2 of 4)").
     */
    public Text summaryText() {
        Text line = ConsoleWords.of("result.summary", command.text(), statusName());
        if (ok() && requested > 0) {
            line = ConsoleWords.of("result.actual", line, actual);
            if (actual < requested) {
                line = ConsoleWords.of("result.partial", line, actual, requested);
            }
        }
        if (data.length > 0) {
            line = ConsoleWords.of("result.data", line, Hex.bytes(data, 64));
        }
        if (!detail().isEmpty()) {
            line = ConsoleWords.of("result.detail", line, detailText);
        }
        if (!expectationMet()) {
            line = ConsoleWords.of("result.unexpected", line, command.expected().orElseThrow());
        }
        return line;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CommandResult r && r.command == command && r.call.equals(call) && r.status == status
                && r.kernReturn == kernReturn && r.errno == errno && r.requested == requested && r.actual == actual
                && Arrays.equals(r.data, data) && r.detail().equals(detail());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data) * 31 + call.hashCode() + (int) actual;
    }

    @Override
    public String toString() {
        return summary();
    }
}
