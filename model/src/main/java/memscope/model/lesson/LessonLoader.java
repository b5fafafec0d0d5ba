package memscope.model.lesson;

import com.fasterxml.jackson.core.ErrorReportConfiguration;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import memscope.model.Errno;
import memscope.model.KernReturn;
import memscope.model.Status;
import memscope.model.io.NotRegularFileException;
import memscope.model.io.RegularFiles;
import memscope.model.lesson.Lesson.ScenarioRef;
import memscope.model.lesson.LessonStep.MemoryExpectation;
import memscope.model.script.ConsoleLiterals;
import memscope.model.text.Excerpt;
import memscope.model.text.Text;

/**
 * Reads lesson files (format 1, documented in resources/lessons/LESSONS.md). Bundled lessons live on the
 * classpath under {@code memscope/lessons/}, listed in order by {@code index.json}. Every problem names the file
 * and the field; unknown fields are refused so a misspelt {@code expect} cannot silently skip a check.
 */
public final class LessonLoader {
    public static final String RESOURCE_DIRECTORY = "memscope/lessons/";
    public static final int FORMAT = 1;
    /** A lesson file larger than this is surely not one (a scenario file has the same cap). */
    static final int MAX_FILE_BYTES = 4 * 1024 * 1024;

    /** Jackson's messages quote offending input: with the "..." Jackson adds, no longer than an excerpt. */
    private static final JsonFactory FACTORY = new JsonFactoryBuilder().errorReportConfiguration(
            ErrorReportConfiguration.builder().maxErrorTokenLength(Excerpt.MAX_CHARS - 3).build()).build();
    private static final ObjectMapper JSON = new ObjectMapper(FACTORY);
    /** Numbers are 64-bit and unsigned, as the console's {@code 0x...} literals are. */
    private static final BigInteger MAX_NUMBER = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    private static final Set<String> TOP_FIELDS = Set.of("format", "title", "title_zh", "summary", "summary_zh",
            "scenario", "steps", "comment", "child");
    private static final Set<String> STEP_FIELDS = Set.of("text", "text_zh", "action", "expect", "expect_actual",
            "expect_data", "expect_memory", "reveal", "reveal_zh", "choices", "depth", "rewind", "comment");
    private static final Set<String> MEMORY_FIELDS = Set.of("process", "address", "hex");
    /** The shape of {@code expect_memory}; an argument, since a brace in a message pattern must be quoted. */
    private static final String MEMORY_EXAMPLE = "{\"process\": NAME, \"address\": \"0x...\", \"hex\": \"de ad\"}";

    private LessonLoader() {
    }

    /** The bundled lessons' file names, in teaching order. */
    public static List<String> bundled() throws LessonException {
        String source = RESOURCE_DIRECTORY + "index.json";
        JsonNode root = tree(readResource(source, "index.json"), source);
        JsonNode list = root.get("lessons");
        if (list == null || !list.isArray()) {
            throw LessonWords.at(source, "lessons", "index.notArray");
        }
        List<String> names = new ArrayList<>();
        list.forEach(n -> names.add(n.asText()));
        return names;
    }

    /**
     * The 50-minute class: the bundled lessons it walks, in its order (it starts from the Zircon-versus-Mach
     * hook), from {@code index.json}'s {@code class}; empty when the index names none.
     */
    public static List<String> classPath() throws LessonException {
        String source = RESOURCE_DIRECTORY + "index.json";
        JsonNode list = tree(readResource(source, "index.json"), source).get("class");
        if (list == null) {
            return List.of();
        }
        if (!list.isArray()) {
            throw LessonWords.at(source, "class", "index.notArray");
        }
        List<String> names = new ArrayList<>();
        list.forEach(n -> names.add(n.asText()));
        return names;
    }

    /** A bundled lesson by file name, e.g. {@code 01-debug-gate.json}. */
    public static Lesson loadResource(String name) throws LessonException {
        return parse(readResource(RESOURCE_DIRECTORY + name, name), name);
    }

    public static Lesson load(Path file) throws LessonException {
        String text;
        try {
            RegularFiles.requireRegular(file); // a FIFO would block the read forever
            try (InputStream in = Files.newInputStream(file)) {
                text = decode(in.readNBytes(MAX_FILE_BYTES + 1), file.toString());
            }
        } catch (NotRegularFileException e) {
            throw new LessonException(file.toString(), null, e.problem(), e);
        } catch (IOException e) {
            throw new LessonException(file.toString(), null, LessonWords.of("file.cannotRead",
                    String.valueOf(e.getMessage())), e);
        }
        return parse(text, file.getFileName().toString());
    }

    /** Parses lesson JSON; {@code sourceName} is the file name, used for the id and in messages. */
    public static Lesson parse(String json, String sourceName) throws LessonException {
        JsonNode root = tree(json, sourceName);
        Fields f = new Fields(sourceName);
        f.known(root, "", TOP_FIELDS);
        JsonNode format = root.get("format");
        if (format == null || !format.isInt() || format.asInt() != FORMAT) {
            throw f.at("format", "format.bad", FORMAT);
        }
        ScenarioRef scenario = scenario(root.get("scenario"), f);
        JsonNode steps = root.get("steps");
        if (steps == null || !steps.isArray() || steps.isEmpty()) {
            throw f.at("steps", "steps.empty");
        }
        List<LessonStep> out = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            out.add(step(steps.get(i), i, f));
        }
        String child = f.optionalText(root, "", "child");
        if (child != null && !child.equals(Lesson.SLEEP_CHILD)) {
            throw f.at("child", "child.bad", Excerpt.of(child), Lesson.SLEEP_CHILD);
        }
        String id = sourceName.replaceFirst("^.*/", "").replaceFirst("\\.json$", "");
        return new Lesson(id, sourceName, f.text(root, "", "title"), f.text(root, "", "title_zh"),
                f.text(root, "", "summary"), f.text(root, "", "summary_zh"), scenario, out, child);
    }

    private static ScenarioRef scenario(JsonNode node, Fields f) throws LessonException {
        if (node != null && node.isTextual() && !node.asText().isBlank()) {
            return ScenarioRef.resource(node.asText());
        }
        if (node != null && node.isObject()) {
            return ScenarioRef.inline(node.toString());
        }
        throw f.at("scenario", "scenario.bad");
    }

    private static LessonStep step(JsonNode node, int i, Fields f) throws LessonException {
        String at = "steps[" + i + "]";
        if (!node.isObject()) {
            throw f.at(at, "step.notObject");
        }
        f.known(node, at, STEP_FIELDS);
        String action = f.optionalText(node, at, "action");
        String expect = f.optionalText(node, at, "expect");
        if (action != null && expect == null) {
            throw f.at(at + ".expect", "step.expectMissing");
        }
        if (action == null && expect != null) {
            throw f.at(at + ".expect", "step.expectWithoutAction");
        }
        if (expect != null && !knownStatus(expect)) {
            throw f.at(at + ".expect", "step.unknownStatus", Excerpt.of(expect));
        }
        if (action == null && (node.has("expect_actual") || node.has("expect_data"))) {
            throw f.at(at, "step.extrasNeedAction");
        }
        Long actual = node.has("expect_actual") ? f.number(node.get("expect_actual"), at + ".expect_actual") : null;
        byte[] data = node.has("expect_data") ? f.bytes(node, at, "expect_data") : null;
        MemoryExpectation memory = node.has("expect_memory") ? memory(node.get("expect_memory"), at
                + ".expect_memory", f) : null;
        String reveal = f.optionalText(node, at, "reveal");
        String revealZh = f.optionalText(node, at, "reveal_zh");
        if (reveal != null || revealZh != null) {
            if (action == null) {
                throw f.at(at + ".reveal", "step.revealNeedsAction");
            }
            // both languages or neither, as with text and text_zh
            f.text(node, at, "reveal");
            f.text(node, at, "reveal_zh");
        }
        List<String> choices = choices(node.get("choices"), at + ".choices", expect, f);
        return new LessonStep(i, f.text(node, at, "text"), f.text(node, at, "text_zh"), action, expect, actual,
                data, memory, reveal, revealZh, choices, depth(node, at, f), rewind(node, at, f));
    }

    /** {@code "rewind": true} offers "rewind to the start of this step"; absent or false offers nothing. */
    private static boolean rewind(JsonNode node, String at, Fields f) throws LessonException {
        JsonNode v = node.get("rewind");
        if (v == null) {
            return false;
        }
        if (!v.isBoolean()) {
            throw f.at(at + ".rewind", "step.rewindNotBoolean", Excerpt.of(v.toString()));
        }
        return v.booleanValue();
    }

    /** At least two different known statuses, the expected one among them; only a step with an action has them. */
    private static List<String> choices(JsonNode node, String at, String expect, Fields f) throws LessonException {
        if (node == null) {
            return List.of();
        }
        if (expect == null) {
            throw f.at(at, "step.choicesNeedAction");
        }
        if (!node.isArray() || node.size() < 2) {
            throw f.at(at, "choices.notArray");
        }
        List<String> out = new ArrayList<>();
        for (int k = 0; k < node.size(); k++) {
            JsonNode c = node.get(k);
            String where = at + "[" + k + "]";
            if (!c.isTextual()) {
                throw f.at(where, "field.notString");
            }
            if (!knownStatus(c.asText())) {
                throw f.at(where, "step.unknownStatus", Excerpt.of(c.asText()));
            }
            if (out.contains(c.asText())) {
                throw f.at(where, "choices.twice", Excerpt.of(c.asText()));
            }
            out.add(c.asText());
        }
        if (!out.contains(expect)) {
            throw f.at(at, "choices.withoutAnswer", Excerpt.of(expect));
        }
        return out;
    }

    private static StepDepth depth(JsonNode node, String at, Fields f) throws LessonException {
        String name = f.optionalText(node, at, "depth");
        if (name == null) {
            return StepDepth.CORE;
        }
        return StepDepth.parse(name).orElseThrow(() -> f.at(at + ".depth", "step.unknownDepth", Excerpt.of(name)));
    }

    private static MemoryExpectation memory(JsonNode node, String at, Fields f) throws LessonException {
        if (!node.isObject()) {
            throw f.at(at, "memory.notObject", MEMORY_EXAMPLE);
        }
        f.known(node, at, MEMORY_FIELDS);
        byte[] bytes = f.bytes(node, at, "hex");
        if (bytes.length == 0) {
            throw f.at(at + ".hex", "memory.noBytes");
        }
        return new MemoryExpectation(f.text(node, at, "process"), f.number(node.get("address"), at + ".address"),
                bytes);
    }

    static boolean knownStatus(String name) {
        for (Status s : Status.values()) {
            if (s.zxName().equals(name)) {
                return true;
            }
        }
        for (KernReturn kr : KernReturn.values()) {
            if (kr.machName().equals(name)) {
                return true;
            }
        }
        for (Errno e : Errno.values()) {
            if (e.name().equals(name)) { // a Linux call's errno, OK when it returned without one
                return true;
            }
        }
        return false;
    }

    private static JsonNode tree(String json, String source) throws LessonException {
        try {
            refuseDuplicateKeys(json, source);
            JsonNode root = JSON.readTree(json);
            if (root == null || !root.isObject()) {
                throw new LessonException(source, null, LessonWords.of("json.notObject"), null);
            }
            return root;
        } catch (JsonProcessingException e) {
            Text where = e.getLocation() == null ? null
                    : LessonWords.of("location.line", e.getLocation().getLineNr(), e.getLocation().getColumnNr());
            // Jackson speaks English only: its detail stays English in every language
            throw new LessonException(source, where, LessonWords.of("json.invalid", e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new LessonException(source, null, LessonWords.of("file.cannotRead", String.valueOf(e.getMessage())),
                    e);
        }
    }

    /**
     * Refuses a key written twice in one object, as scenario files do: Jackson's tree would keep the last one
     * silently, and an inline scenario would lose the duplicate before its own loader could see it.
     */
    private static void refuseDuplicateKeys(String json, String source) throws IOException, LessonException {
        try (JsonParser p = FACTORY.createParser(json)) {
            Deque<Set<String>> open = new ArrayDeque<>();
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.START_OBJECT) {
                    open.push(new HashSet<>());
                } else if (t == JsonToken.END_OBJECT) {
                    open.pop();
                } else if (t == JsonToken.FIELD_NAME && !open.peek().add(p.currentName())) {
                    JsonLocation at = p.currentTokenLocation();
                    throw new LessonException(source, LessonWords.of("location.line", at.getLineNr(),
                            at.getColumnNr()), LessonWords.of("json.duplicate", Excerpt.of(p.currentName())), null);
                }
            }
        }
    }

    /** UTF-8 text of at most {@link #MAX_FILE_BYTES}; {@code bytes} may hold one byte more, to tell. */
    private static String decode(byte[] bytes, String source) throws IOException, LessonException {
        if (bytes.length > MAX_FILE_BYTES) {
            throw new LessonException(source, null, LessonWords.of("file.tooLarge", MAX_FILE_BYTES), null);
        }
        return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    }

    private static String readResource(String path, String name) throws LessonException {
        // Class, not ClassLoader: in a module a class loader finds only resources of opened packages
        try (InputStream in = LessonLoader.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new LessonException(name, null, LessonWords.of("resource.missing", path), null);
            }
            return decode(in.readNBytes(MAX_FILE_BYTES + 1), name);
        } catch (IOException e) {
            throw new LessonException(name, null, LessonWords.of("resource.cannotRead", path,
                    String.valueOf(e.getMessage())), e);
        }
    }

    /** Field access that reports problems as {@code source: location: problem}. */
    private record Fields(String source) {
        LessonException at(String location, String key, Object... args) {
            return LessonWords.at(source, location, key, args);
        }

        /** A complaint another package worded (a console literal that does not parse). */
        LessonException at(String location, IllegalArgumentException e) {
            return new LessonException(source, Text.verbatim(location), LessonWords.fromElsewhere(e, e.getMessage()),
                    null);
        }

        void known(JsonNode node, String at, Set<String> allowed) throws LessonException {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!allowed.contains(name)) {
                    throw at(join(at, Excerpt.of(name)), "field.unknown", String.join(", ", allowed.stream().sorted().toList()));
                }
            }
        }

        String text(JsonNode node, String at, String field) throws LessonException {
            String s = optionalText(node, at, field);
            if (s == null || s.isBlank()) {
                throw at(join(at, field), "field.missingText");
            }
            return s;
        }

        String optionalText(JsonNode node, String at, String field) throws LessonException {
            JsonNode v = node.get(field);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.isTextual()) {
                throw at(join(at, field), "field.notString");
            }
            return v.asText();
        }

        long number(JsonNode v, String at) throws LessonException {
            if (v != null && v.isIntegralNumber()) {
                BigInteger n = v.bigIntegerValue();
                if (n.signum() < 0 || n.compareTo(MAX_NUMBER) > 0) {
                    // asLong() would wrap 2^64 round to 0
                    throw at(at, "field.numberRange", Excerpt.of(n.toString()));
                }
                return n.longValue();
            }
            if (v != null && v.isTextual()) {
                try {
                    return ConsoleLiterals.number(v.asText());
                } catch (IllegalArgumentException e) {
                    throw at(at, e);
                }
            }
            throw at(at, "field.notNumber");
        }

        byte[] bytes(JsonNode node, String at, String field) throws LessonException {
            String text = text(node, at, field);
            try {
                return ConsoleLiterals.bytes(text);
            } catch (IllegalArgumentException e) {
                throw at(join(at, field), e);
            }
        }

        private static String join(String at, String field) {
            return at.isEmpty() ? field : at + "." + field;
        }
    }
}
