package memscope.model.scenario;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The members of one JSON object of a scenario, read with their expected types. Unknown member names are
 * refused when the object is opened, so a typo ({@code "sise"}) is reported instead of silently ignored. Every
 * object may carry a {@code "comment"} string, which the loader ignores.
 */
final class Fields {
    static final String COMMENT = "comment";

    private final Node node;
    private final ScenarioErrors errors;

    private Fields(Node node, ScenarioErrors errors) {
        this.node = node;
        this.errors = errors;
    }

    /** Opens {@code node} as an object described as {@code what} ("a VMO") whose members are among {@code known}. */
    static Fields open(Node node, String what, ScenarioErrors errors, String... known) throws ScenarioException {
        if (node.kind != Node.Kind.OBJECT) {
            throw errors.at(node.place, "expected " + what + " (a JSON object), found " + node.kind.words);
        }
        Set<String> allowed = new LinkedHashSet<>(Arrays.asList(known));
        allowed.add(COMMENT);
        for (var member : node.members().entrySet()) {
            String key = member.getKey();
            if (!allowed.contains(key)) {
                String guess = Spelling.closest(key, allowed);
                throw errors.at(member.getValue().place, "unknown field \"" + key + "\" in " + what
                        + (guess != null ? "; did you mean \"" + guess + "\"?" : "")
                        + " (known fields: " + String.join(", ", known) + ")");
            }
        }
        Fields f = new Fields(node, errors);
        f.optionalString(COMMENT, null);
        return f;
    }

    Place place() {
        return node.place;
    }

    boolean has(String key) {
        return node.members().containsKey(key);
    }

    Node get(String key) {
        return node.members().get(key);
    }

    /** The place of member {@code key}, or of this object when the member is absent. */
    Place placeOf(String key) {
        Node n = get(key);
        return n != null ? n.place : node.place;
    }

    Node require(String key) throws ScenarioException {
        Node n = get(key);
        if (n == null) {
            throw errors.at(node.place, "missing required field \"" + key + "\"");
        }
        return n;
    }

    String requiredString(String key) throws ScenarioException {
        return string(key, require(key));
    }

    /** A required string that must not be blank: names, references. */
    String requiredName(String key) throws ScenarioException {
        Node n = require(key);
        String s = string(key, n);
        if (s.isBlank()) {
            throw errors.at(n.place, "\"" + key + "\" must not be empty");
        }
        return s;
    }

    String optionalString(String key, String fallback) throws ScenarioException {
        Node n = get(key);
        return n == null ? fallback : string(key, n);
    }

    String optionalName(String key, String fallback) throws ScenarioException {
        return has(key) ? requiredName(key) : fallback;
    }

    boolean bool(String key, boolean fallback) throws ScenarioException {
        Node n = get(key);
        if (n == null) {
            return fallback;
        }
        if (n.kind != Node.Kind.BOOLEAN) {
            throw typeError(key, n, "true or false");
        }
        return n.bool();
    }

    long quantity(String key, Quantities.Kind kind) throws ScenarioException {
        return Quantities.parse(require(key), key, kind, errors);
    }

    /** The quantity, or null when the member is absent. */
    Long optionalQuantity(String key, Quantities.Kind kind) throws ScenarioException {
        Node n = get(key);
        return n == null ? null : Quantities.parse(n, key, kind, errors);
    }

    /** The items of an array member; an absent member is an empty list. */
    List<Node> array(String key) throws ScenarioException {
        Node n = get(key);
        if (n == null) {
            return List.of();
        }
        if (n.kind != Node.Kind.ARRAY) {
            throw typeError(key, n, "an array");
        }
        return n.items();
    }

    /** The strings of an array member. */
    List<Node> stringArray(String key) throws ScenarioException {
        List<Node> items = new ArrayList<>(array(key));
        for (Node item : items) {
            if (item.kind != Node.Kind.STRING) {
                throw errors.at(item.place, "items of \"" + key + "\" must be strings, found " + item.kind.words);
            }
        }
        return items;
    }

    /** Fails unless exactly one of {@code keys} is present; returns it. */
    String exactlyOne(String what, String... keys) throws ScenarioException {
        String found = null;
        for (String k : keys) {
            if (has(k)) {
                if (found != null) {
                    throw errors.at(get(k).place, what + " has both \"" + found + "\" and \"" + k
                            + "\"; give only one");
                }
                found = k;
            }
        }
        if (found == null) {
            throw errors.at(node.place, what + " needs one of \"" + String.join("\", \"", keys) + "\"");
        }
        return found;
    }

    /** Fails if more than one of {@code keys} is present. */
    void atMostOne(String what, String... keys) throws ScenarioException {
        String found = null;
        for (String k : keys) {
            if (has(k)) {
                if (found != null) {
                    throw errors.at(get(k).place, what + " has both \"" + found + "\" and \"" + k
                            + "\"; give at most one");
                }
                found = k;
            }
        }
    }

    ScenarioException error(String key, String problem) {
        return errors.at(placeOf(key), problem);
    }

    private String string(String key, Node n) throws ScenarioException {
        if (n.kind != Node.Kind.STRING) {
            throw typeError(key, n, "a string");
        }
        return n.text();
    }

    private ScenarioException typeError(String key, Node n, String expected) {
        return errors.at(n.place, "\"" + key + "\" must be " + expected + ", found " + n.kind.words
                + (n.kind == Node.Kind.OBJECT || n.kind == Node.Kind.ARRAY ? "" : " " + n.shown()));
    }
}
