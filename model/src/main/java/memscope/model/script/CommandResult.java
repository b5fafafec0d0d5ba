package memscope.model.script;

import java.util.Arrays;
import memscope.model.KernReturn;
import memscope.model.Status;

/**
 * What one executed command did: the call it made, its outcome (a Zircon {@link Status} or a Mach
 * {@link KernReturn}; the other is null), the bytes asked for and actually moved, the bytes read, and a short
 * human-readable detail ("bound p1ro = handle 0x1a2b3c4f", a region's bounds).
 */
public record CommandResult(Command command, String call, Status status, KernReturn kernReturn, long requested,
                            long actual, byte[] data, String detail) {

    public CommandResult {
        if ((status == null) == (kernReturn == null)) {
            throw new IllegalArgumentException("a result has exactly one of status and kernReturn");
        }
        data = data == null ? new byte[0] : data.clone();
        detail = detail == null ? "" : detail;
    }

    /** {@code ZX_OK}, {@code ZX_ERR_ACCESS_DENIED}, {@code KERN_PROTECTION_FAILURE}... */
    public String statusName() {
        return status != null ? status.zxName() : kernReturn.machName();
    }

    public boolean ok() {
        return status != null ? status == Status.OK : kernReturn == KernReturn.SUCCESS;
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

    /** One line for a console transcript: {@code write p1 0x1000000 de ad -> ZX_OK actual=2}. */
    public String summary() {
        StringBuilder b = new StringBuilder(command.text()).append(" -> ").append(statusName());
        if (ok() && requested > 0) {
            b.append(" actual=").append(actual);
            if (actual < requested) {
                b.append(" (partial: ").append(actual).append(" of ").append(requested).append(')');
            }
        }
        if (data.length > 0) {
            b.append(" data=").append(Hex.bytes(data, 64));
        }
        if (!detail.isEmpty()) {
            b.append(" ; ").append(detail);
        }
        return b.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CommandResult r && r.command == command && r.call.equals(call) && r.status == status
                && r.kernReturn == kernReturn && r.requested == requested && r.actual == actual
                && Arrays.equals(r.data, data) && r.detail.equals(detail);
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
