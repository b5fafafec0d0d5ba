package memscope.model.scenario;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * One JSON value of a scenario file together with its {@link Place}. Jackson's own tree forgets where values
 * came from; error messages need it, so the scenario parser builds these instead.
 */
final class Node {
    enum Kind {
        OBJECT("an object"), ARRAY("an array"), STRING("a string"), INTEGER("a whole number"),
        DECIMAL("a number"), BOOLEAN("true or false"), NULL("null");

        final String words;

        Kind(String words) {
            this.words = words;
        }
    }

    final Kind kind;
    final Place place;
    private final Object value;

    private Node(Kind kind, Place place, Object value) {
        this.kind = kind;
        this.place = place;
        this.value = value;
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

    static Node integer(Place place, BigInteger number) {
        return new Node(Kind.INTEGER, place, number);
    }

    static Node decimal(Place place, BigDecimal number) {
        return new Node(Kind.DECIMAL, place, number);
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

    /** The value as it was written, for messages: strings quoted, numbers as they are. */
    String shown() {
        switch (kind) {
            case STRING: return "\"" + value + "\"";
            case OBJECT: return "an object";
            case ARRAY: return "an array";
            case NULL: return "null";
            default: return String.valueOf(value instanceof BigDecimal d ? d.toPlainString() : value);
        }
    }

    private Object require(Kind wanted) {
        if (kind != wanted) {
            throw new IllegalStateException(place + " is " + kind + ", not " + wanted);
        }
        return value;
    }
}
