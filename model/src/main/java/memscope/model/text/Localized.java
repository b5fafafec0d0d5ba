package memscope.model.text;

/** Something, usually an exception, whose message a person reads: the app words {@link #text()} in their language. */
public interface Localized {
    Text text();
}
