package memscope.app.text;

/** A problem the app words itself, in whichever language the user reads ({@code Messages.describe}). */
public interface Worded {
    Wording wording();

    /** The bundle key, for tests and logs. */
    default String key() {
        return wording().key();
    }

    default Object[] args() {
        return wording().args();
    }
}
