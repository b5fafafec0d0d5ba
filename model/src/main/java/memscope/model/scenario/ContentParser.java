package memscope.model.scenario;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import memscope.model.scenario.ScenarioSpec.ContentSpec;
import memscope.model.text.Excerpt;

/**
 * One entry of a VMO's {@code "contents"}: bytes placed at an offset, given as {@code "hex"} ("55 48 89 e5"),
 * {@code "text"} (written as UTF-8, no terminating NUL unless the text has one) or {@code "fill"} (a hex
 * pattern repeated over {@code "length"} bytes, the last repetition cut short).
 */
final class ContentParser {
    private final ScenarioErrors errors;

    ContentParser(ScenarioErrors errors) {
        this.errors = errors;
    }

    ContentSpec parse(Node node) throws ScenarioException {
        Fields f = Fields.open(node, "what.contents", errors, "offset", "hex", "text", "fill", "length");
        long offset = f.has("offset") ? f.quantity("offset", Quantities.Kind.OFFSET) : 0;
        String kind = f.exactlyOne("what.contents", "hex", "text", "fill");
        if (!kind.equals("fill") && f.has("length")) {
            throw f.error("length", "contents.lengthNotFill", kind);
        }
        switch (kind) {
            case "hex": {
                byte[] bytes = hex(f.require("hex"), "hex");
                return new ContentSpec(f.place(), offset, bytes, bytes.length);
            }
            case "text": {
                byte[] bytes = f.requiredString("text").getBytes(StandardCharsets.UTF_8);
                if (bytes.length == 0) {
                    throw f.error("text", "field.empty", "text");
                }
                return new ContentSpec(f.place(), offset, bytes, bytes.length);
            }
            default: {
                byte[] pattern = hex(f.require("fill"), "fill");
                if (!f.has("length")) {
                    throw errors.at(f.place(), "contents.fillNeedsLength");
                }
                long length = f.quantity("length", Quantities.Kind.SIZE);
                if (length == 0) {
                    throw f.error("length", "contents.fillZero");
                }
                return new ContentSpec(f.place(), offset, pattern, length);
            }
        }
    }

    /**
     * Hex digit pairs, optionally separated by whitespace: {@code "55 48 89 e5"} or {@code "554889e5"}. Digits and
     * spaces are ASCII only: Java's own digit test would also read {@code "٥٥ ＡＢ"} as {@code 55 ab}.
     */
    private byte[] hex(Node node, String key) throws ScenarioException {
        if (node.kind != Node.Kind.STRING) {
            throw errors.at(node.place, "hex.type", key, node.kind.words());
        }
        String text = node.text();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int high = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isAsciiSpace(c)) {
                if (high >= 0) {
                    throw errors.at(node.place, "hex.split", key, Excerpt.of(text), i + 1);
                }
                continue;
            }
            int digit = asciiHexDigit(c);
            if (digit < 0) {
                throw errors.at(node.place, "hex.badDigit", key, Excerpt.of(text), String.valueOf(c), i + 1);
            }
            if (high < 0) {
                high = digit;
            } else {
                out.write(high << 4 | digit);
                high = -1;
            }
        }
        if (high >= 0) {
            throw errors.at(node.place, "hex.half", key, Excerpt.of(text));
        }
        if (out.size() == 0) {
            throw errors.at(node.place, "hex.noBytes", key);
        }
        return out.toByteArray();
    }

    private static int asciiHexDigit(char c) {
        return c < 0x80 ? Character.digit(c, 16) : -1;
    }

    /** The blanks of a regular expression's {@code \s}: space, tab, line breaks, vertical tab, form feed. */
    private static boolean isAsciiSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\013' || c == '\f';
    }
}
