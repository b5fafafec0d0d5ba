package memscope.app.text;

/** A problem the app words itself: a key into the app's message bundle and its arguments. */
public interface Worded {
    String key();

    Object[] args();
}
