package memscope.app.status;

import memscope.model.SyscallRecord;

/** How a call went, as the status pane and the log colour it. */
public enum Outcome {
    OK("ok"), PARTIAL("partial"), ERROR("error");

    private final String styleClass;

    Outcome(String styleClass) {
        this.styleClass = styleClass;
    }

    /** The CSS class suffix: {@code ok}, {@code partial}, {@code error}. */
    public String styleClass() {
        return styleClass;
    }

    public static Outcome of(SyscallRecord r) {
        return !r.ok() ? ERROR : r.partial() ? PARTIAL : OK;
    }
}
