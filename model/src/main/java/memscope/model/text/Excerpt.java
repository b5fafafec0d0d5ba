package memscope.model.text;

/**
 * Input a person wrote, cut to a bounded length for quoting in a message. A hostile file can hold a name of a
 * million characters or a number like {@code 1e999999999}; quoting it whole would make the message (and the
 * heap) as large as the input, so every message that quotes input quotes an excerpt.
 */
public final class Excerpt {
    /** The longest excerpt, in chars, ellipsis included. */
    public static final int MAX_CHARS = 60;
    /** What stands for the part cut off. */
    public static final String ELLIPSIS = "\u2026";

    private Excerpt() {
    }

    /** {@code input} itself when it is short enough, else its start and an ellipsis; never a split character. */
    public static String of(String input) {
        if (input == null || input.length() <= MAX_CHARS) {
            return String.valueOf(input);
        }
        int end = MAX_CHARS - ELLIPSIS.length();
        if (Character.isHighSurrogate(input.charAt(end - 1))) {
            end--; // keep a surrogate pair whole
        }
        return input.substring(0, end) + ELLIPSIS;
    }
}
