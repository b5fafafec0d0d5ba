package memscope.model.fuzz;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a JSON document strictly, independently of the reader under test, to say whether it must be refused:
 * a key given twice in one object (which value would count is a guess), an integer that no 64-bit field can
 * hold (it would wrap), or a {@code hex}/{@code fill} text with anything but ASCII hex digits and spaces (Java
 * takes ٥ and Ａ for digits). {@code comment} fields say anything they like.
 */
final class JsonOracle {
    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);
    private static final BigInteger MIN_LONG = BigInteger.valueOf(Long.MIN_VALUE);

    private JsonOracle() {
    }

    /** Why {@code bytes} must be refused, or null when the strict reading finds nothing (or no JSON at all). */
    static String reasonToRefuse(byte[] bytes, String skippedTopField) {
        JsonNode root;
        try {
            root = STRICT.readTree(bytes);
        } catch (JsonParseException e) {
            return e.getOriginalMessage().startsWith("Duplicate field") ? "a duplicate key" : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
        if (root == null || !root.isObject()) {
            return null;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String reason = field.getKey().equals(skippedTopField) ? null : reason(field.getKey(), field.getValue());
            if (reason != null) {
                return reason;
            }
        }
        return null;
    }

    private static String reason(String name, JsonNode node) {
        if (name.equals("comment")) {
            return null;
        }
        if (node.isBigInteger()) {
            BigInteger v = node.bigIntegerValue();
            return v.compareTo(TWO_TO_64) >= 0 || v.compareTo(MIN_LONG) < 0 ? "an integer beyond 64 bits" : null;
        }
        if ((name.equals("hex") || name.equals("fill")) && node.isTextual()
                && !node.asText().chars().allMatch(c -> c == ' ' || c < 128 && Character.digit(c, 16) >= 0)) {
            return "hex digits that are not ASCII (\"" + node.asText() + "\")";
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String reason = reason(field.getKey(), field.getValue());
                if (reason != null) {
                    return reason;
                }
            }
        }
        if (node.isArray()) {
            for (JsonNode child : node) {
                String reason = reason("", child);
                if (reason != null) {
                    return reason;
                }
            }
        }
        return null;
    }
}
