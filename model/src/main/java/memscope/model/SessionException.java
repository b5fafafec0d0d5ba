package memscope.model;

/** A session file that cannot be loaded or a kernel that cannot be saved; the message says why and where. */
public final class SessionException extends Exception {
    public SessionException(String message) {
        super(message);
    }

    public SessionException(String message, Throwable cause) {
        super(message, cause);
    }
}
