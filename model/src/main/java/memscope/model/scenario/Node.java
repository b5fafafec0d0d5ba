package memscope.model.scenario;

import java.math.BigInteger;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import memscope.model.text.Excerpt;
import memscope.model.text.Text;

/**
 * One JSON value of a scenario file together with its {@link Place}. Jackson's own tree forgets where values
 * came from; error messages need it, so the scenario parser builds these instead.
 */
final class Node {
    enum Kind {
        OBJECT("kind.object"), ARRAY("kind.array"), STRING("kind.string"), INTEGER("kind.integer"),
        DECIMAL("kind.decimal"), BOOLEAN("kind.boolean"), NULL("kind.null");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        /** "an object", "a whole number"... */
        Text words() {
            return ScenarioWords.of(key);
        }
    }

    final Kind kind;
    final Place place;
    private final Object value;
    /** A number as the file writes it; null for other kinds. */
    private final String written;

    private Node(Kind kind, Place place, Object value) {
        this(kind, place, value, null);
    }

    private Node(Kind kind, Place place, Object value, String written) {
        this.kind = kind;
        this.place = place;
        this.value = value;
        this.written = written;
    }

    static Node object(Place place, Map<String, Node> members) {
        return new Node(Kind.OBJECT, place, Collections.unmodifiableMap(members));
    }

    static Node array(Place place, List<Node> items) {
        return new Node(Kind.ARRAY, place, List.copyOf(items));
    }

    static Node string(Place place, String text) {
        return new Node(Kind.STRING, place, text);
    }

    /** {@code written} is the number's text in the file, for messages. */
    static Node integer(Place place, BigInteger number, String written) {
        return new Node(Kind.INTEGER, place, number, written);
    }

    /**
     * A number with a fraction or an exponent. No field takes one, so only its text is kept: turning
     * {@code 1e999999999} into a value would expand it to a billion digits.
     */
    static Node decimal(Place place, String written) {
        return new Node(Kind.DECIMAL, place, null, written);
    }

    static Node bool(Place place, boolean b) {
        return new Node(Kind.BOOLEAN, place, b);
    }

    static Node nullValue(Place place) {
        return new Node(Kind.NULL, place, null);
    }

    @SuppressWarnings("unchecked")
    Map<String, Node> members() {
        return (Map<String, Node>) require(Kind.OBJECT);
    }

    @SuppressWarnings("unchecked")
    List<Node> items() {
        return (List<Node>) require(Kind.ARRAY);
    }

    String text() {
        return (String) require(Kind.STRING);
    }

    BigInteger integer() {
        return (BigInteger) require(Kind.INTEGER);
    }

    boolean bool() {
        return (Boolean) require(Kind.BOOLEAN);
    }

    /** The value as it was written, for messages: strings quoted, numbers as they are; long ones cut. */
    Text shown() {
        switch (kind) {
            case STRING: return Text.verbatim("\"" + Excerpt.of((String) value) + "\"");
            case INTEGER, DECIMAL: return Text.verbatim(Excerpt.of(written));
            case BOOLEAN: return Text.verbatim(String.valueOf(value));
            default: return kind.words();
        }
    }

    private Object require(Kind wanted) {
        if (kind != wanted) {
            throw new IllegalStateException(place + " is " + kind + ", not " + wanted);
        }
        return value;
    }
}
