package memscope.model.scenario;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.ErrorReportConfiguration;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import memscope.model.text.Excerpt;
import memscope.model.text.Text;

/**
 * Reads JSON text into {@link Node}s with Jackson's streaming parser, remembering the pointer, line and column
 * of every value. Strict JSON: no comments, no trailing commas, no duplicate keys, nothing after the top value.
 */
final class JsonTreeReader {
    /** Jackson's messages quote offending input: with the "..." Jackson adds, no longer than an excerpt. */
    private static final JsonFactory FACTORY = new JsonFactoryBuilder().errorReportConfiguration(
            ErrorReportConfiguration.builder().maxErrorTokenLength(Excerpt.MAX_CHARS - 3).build()).build();
    /** Deeper nesting than any scenario needs; it stops a hostile file from overflowing the stack. */
    private static final int MAX_DEPTH = 64;
    private static final Pattern SOURCE_NOTE =
            Pattern.compile("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]");

    private final Text source;

    JsonTreeReader(Text source) {
        this.source = source;
    }

    Node read(String json) throws ScenarioException {
        try (JsonParser p = FACTORY.createParser(json)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw file(null, "json.empty");
            }
            Node root = value(p, "", 0);
            if (p.nextToken() != null) {
                throw at(placeOf(p, p.currentTokenLocation()), null, "json.trailing", describe(p.currentToken()));
            }
            return root;
        } catch (JsonProcessingException e) {
            throw syntaxError(e);
        } catch (IOException e) {
            throw file(e, "json.unreadable", String.valueOf(e.getMessage()));
        }
    }

    private Node value(JsonParser p, String pointer, int depth) throws IOException, ScenarioException {
        JsonLocation at = p.currentTokenLocation();
        Place place = new Place(pointer, at.getLineNr(), at.getColumnNr());
        if (depth > MAX_DEPTH) {
            throw at(place, null, "json.tooDeep", MAX_DEPTH);
        }
        switch (p.currentToken()) {
            case START_OBJECT: {
                Map<String, Node> members = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    String childPointer = place.childPointer(key);
                    if (members.containsKey(key)) {
                        JsonLocation k = p.currentTokenLocation();
                        throw at(new Place(childPointer, k.getLineNr(), k.getColumnNr()), null, "json.duplicate", Excerpt.of(key));
                    }
                    p.nextToken();
                    members.put(key, value(p, childPointer, depth + 1));
                }
                return Node.object(place, members);
            }
            case START_ARRAY: {
                List<Node> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(value(p, place.childPointer(items.size()), depth + 1));
                }
                return Node.array(place, items);
            }
            case VALUE_STRING:
                return Node.string(place, p.getText());
            case VALUE_NUMBER_INT:
                return Node.integer(place, p.getBigIntegerValue(), p.getText());
            case VALUE_NUMBER_FLOAT:
                return Node.decimal(place, p.getText());
            case VALUE_TRUE:
                return Node.bool(place, true);
            case VALUE_FALSE:
                return Node.bool(place, false);
            case VALUE_NULL:
                return Node.nullValue(place);
            default:
                throw at(place, null, "json.unexpected", describe(p.currentToken()));
        }
    }

    private ScenarioException syntaxError(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String pointer = "";
        if (e.getProcessor() instanceof JsonParser p && p.getParsingContext() != null) {
            pointer = Excerpt.of(p.getParsingContext().pathAsPointer().toString());
        }
        Place place = at == null ? new Place(pointer, -1, -1) : new Place(pointer, at.getLineNr(), at.getColumnNr());
        return at(place, e, "json.invalid", tidy(e.getOriginalMessage()));
    }

    /**
     * Jackson's messages may embed a location with a "Source: REDACTED" note; keep just line and column.
     * Jackson speaks English only, so its detail stays English in every language.
     */
    static Text tidy(String message) {
        return message == null ? ScenarioWords.of("json.syntaxError")
                : Text.verbatim(SOURCE_NOTE.matcher(message).replaceAll("line $1, column $2"));
    }

    private ScenarioException at(Place place, Throwable cause, String key, Object... args) {
        return new ScenarioException(source, place.text(), ScenarioWords.of(key, args), cause);
    }

    private ScenarioException file(Throwable cause, String key, Object... args) {
        return new ScenarioException(source, null, ScenarioWords.of(key, args), cause);
    }

    private static Place placeOf(JsonParser p, JsonLocation at) {
        return new Place(p.getParsingContext().pathAsPointer().toString(), at.getLineNr(), at.getColumnNr());
    }

    private static Text describe(JsonToken t) {
        return t == null ? ScenarioWords.of("json.endOfInput")
                : Text.verbatim("'" + (t.asString() != null ? t.asString() : t.name()) + "'");
    }
}
