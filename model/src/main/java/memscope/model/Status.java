package memscope.model;

import java.util.HashMap;
import java.util.Map;

/** Zircon status codes ({@code zx_status_t}) with their C names. */
public enum Status {
    OK(0),
    ERR_INTERNAL(-1),
    ERR_NOT_SUPPORTED(-2),
    ERR_NO_RESOURCES(-3),
    ERR_NO_MEMORY(-4),
    ERR_INVALID_ARGS(-10),
    ERR_BAD_HANDLE(-11),
    ERR_WRONG_TYPE(-12),
    ERR_BAD_SYSCALL(-13),
    ERR_OUT_OF_RANGE(-14),
    ERR_BUFFER_TOO_SMALL(-15),
    ERR_BAD_STATE(-20),
    ERR_TIMED_OUT(-21),
    ERR_SHOULD_WAIT(-22),
    ERR_CANCELED(-23),
    ERR_PEER_CLOSED(-24),
    ERR_NOT_FOUND(-25),
    ERR_ALREADY_EXISTS(-26),
    ERR_ALREADY_BOUND(-27),
    ERR_UNAVAILABLE(-28),
    ERR_ACCESS_DENIED(-30),
    ERR_IO(-40);

    private static final Map<Integer, Status> BY_CODE = new HashMap<>();

    static {
        for (Status s : values()) {
            BY_CODE.put(s.code, s);
        }
    }

    private final int code;

    Status(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The C name, e.g. {@code ZX_ERR_ACCESS_DENIED} or {@code ZX_OK}. */
    public String zxName() {
        return "ZX_" + name();
    }

    public boolean isOk() {
        return this == OK;
    }

    /** The status with this numeric code; an unknown code is {@link #ERR_INTERNAL}'s business to report, so it throws. */
    public static Status of(int code) {
        Status s = BY_CODE.get(code);
        if (s == null) {
            throw new IllegalArgumentException("no Zircon status with code " + code);
        }
        return s;
    }
}
