package memscope.model.scenario;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import memscope.model.text.Excerpt;
import memscope.model.text.Text;

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

    /**
     * Opens {@code node} as an object described as {@code what} (a {@code what.*} key: "a VMO") whose members are
     * among {@code known}.
     */
    static Fields open(Node node, String what, ScenarioErrors errors, String... known) throws ScenarioException {
        Text described = ScenarioWords.of(what);
        if (node.kind != Node.Kind.OBJECT) {
            throw errors.at(node.place, "field.notObject", described, node.kind.words());
        }
        Set<String> allowed = new LinkedHashSet<>(Arrays.asList(known));
        allowed.add(COMMENT);
        for (var member : node.members().entrySet()) {
            String key = member.getKey();
            if (!allowed.contains(key)) {
                String guess = Spelling.closest(key, allowed);
                String list = String.join(", ", known);
                throw guess != null
                        ? errors.at(member.getValue().place, "field.unknownGuess", Excerpt.of(key), described, guess,
                                list)
                        : errors.at(member.getValue().place, "field.unknown", Excerpt.of(key), described, list);
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
            throw errors.at(node.place, "field.missing", key);
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
            throw errors.at(n.place, "field.empty", key);
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
            throw typeError(key, n, Node.Kind.BOOLEAN);
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
            throw typeError(key, n, Node.Kind.ARRAY);
        }
        return n.items();
    }

    /** The strings of an array member. */
    List<Node> stringArray(String key) throws ScenarioException {
        List<Node> items = new ArrayList<>(array(key));
        for (Node item : items) {
            if (item.kind != Node.Kind.STRING) {
                throw errors.at(item.place, "field.itemsType", key, item.kind.words());
            }
        }
        return items;
    }

    /** Fails unless exactly one of {@code keys} is present; returns it. {@code what} is a {@code what.*} key. */
    String exactlyOne(String what, String... keys) throws ScenarioException {
        String found = null;
        for (String k : keys) {
            if (has(k)) {
                if (found != null) {
                    throw errors.at(get(k).place, "field.bothOnlyOne", ScenarioWords.of(what), found, k);
                }
                found = k;
            }
        }
        if (found == null) {
            throw errors.at(node.place, "field.needsOne", ScenarioWords.of(what), String.join("\", \"", keys));
        }
        return found;
    }

    /** Fails if more than one of {@code keys} is present. */
    void atMostOne(String what, String... keys) throws ScenarioException {
        String found = null;
        for (String k : keys) {
            if (has(k)) {
                if (found != null) {
                    throw errors.at(get(k).place, "field.bothAtMostOne", ScenarioWords.of(what), found, k);
                }
                found = k;
            }
        }
    }

    /** A problem with member {@code key}, worded by the scenario bundle's {@code problemKey}. */
    ScenarioException error(String key, String problemKey, Object... args) {
        return errors.at(placeOf(key), problemKey, args);
    }

    private String string(String key, Node n) throws ScenarioException {
        if (n.kind != Node.Kind.STRING) {
            throw typeError(key, n, Node.Kind.STRING);
        }
        return n.text();
    }

    private ScenarioException typeError(String key, Node n, Node.Kind expected) {
        return n.kind == Node.Kind.OBJECT || n.kind == Node.Kind.ARRAY
                ? errors.at(n.place, "field.type", key, expected.words(), n.kind.words())
                : errors.at(n.place, "field.typeValue", key, expected.words(), n.kind.words(), n.shown());
    }
}
