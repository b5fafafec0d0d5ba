package memscope.model.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import memscope.model.text.Excerpt;
import memscope.model.io.NotRegularFileException;
import memscope.model.io.RegularFiles;
import memscope.model.text.Text;

/**
 * Loads scenario files (FORMAT.md in resources/scenarios describes them) into freshly booted kernels. A load
 * either returns a complete {@link LoadedScenario} or throws a {@link ScenarioException} naming the file, the
 * place and the problem; nothing is ever half-loaded, because each load builds its own kernel.
 */
public final class ScenarioLoader {
    /** Where the bundled scenarios sit on the classpath. */
    public static final String RESOURCE_DIRECTORY = "memscope/scenarios/";
    /** The scenario the application opens with. */
    public static final String DEFAULT_SCENARIO = "demo.json";
    /** A scenario file larger than this is surely not one. */
    static final long MAX_FILE_BYTES = 4L * 1024 * 1024;

    private static final List<String> BUNDLED = List.of("demo.json", "minimal.json", "big.json");

    private ScenarioLoader() {
    }

    /** The names of the scenarios shipped with MemScope, for {@link #loadResource(String)}; demo first. */
    public static List<String> bundled() {
        return BUNDLED;
    }

    /** The built-in demo scenario, {@code memscope/scenarios/demo.json} on the classpath. */
    public static LoadedScenario loadDefault() throws ScenarioException {
        return loadResource(DEFAULT_SCENARIO);
    }

    /** A bundled scenario by file name ("demo.json"), from {@code memscope/scenarios/} on the classpath. */
    public static LoadedScenario loadResource(String name) throws ScenarioException {
        String path = RESOURCE_DIRECTORY + name;
        // the name may come from a lesson file: messages quote it cut short
        Text source = Text.verbatim(RESOURCE_DIRECTORY + Excerpt.of(name));
        if (name == null || name.isBlank() || name.contains("..") || name.startsWith("/")) {
            throw fileProblem(Text.verbatim(Excerpt.of(name)), null, "loader.badName");
        }
        // Class, not ClassLoader: in a module a class loader finds only resources of opened packages
        try (InputStream in = ScenarioLoader.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw fileProblem(source, null, "loader.noResource", String.join(", ", BUNDLED));
            }
            byte[] bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
            return parse(decode(bytes, source), source);
        } catch (IOException e) {
            throw fileProblem(source, e, "loader.cannotReadResource", String.valueOf(e.getMessage()));
        }
    }

    /** A scenario file on disk. */
    public static LoadedScenario load(Path file) throws ScenarioException {
        if (file == null) {
            throw fileProblem(ScenarioWords.of("source.none"), null, "loader.noFile");
        }
        Text source = Text.verbatim(String.valueOf(file));
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw fileProblem(source, null, "loader.directory");
            }
            RegularFiles.requireRegular(file); // a FIFO would block the read below forever
            if (Files.exists(file) && Files.size(file) > MAX_FILE_BYTES) {
                throw fileProblem(source, null, "loader.fileTooLarge", Files.size(file), MAX_FILE_BYTES);
            }
            bytes = Files.readAllBytes(file);
        } catch (NotRegularFileException e) {
            throw new ScenarioException(source, null, e.problem(), e);
        } catch (IOException e) {
            throw new ScenarioException(source, null, problemReading(e), e);
        }
        return parse(decode(bytes, source), source);
    }

    /** A scenario given as JSON text; {@code sourceName} names it in messages. */
    public static LoadedScenario parse(String json, String sourceName) throws ScenarioException {
        return parse(json, sourceName == null || sourceName.isBlank() ? null : Text.verbatim(sourceName));
    }

    /** A scenario given as JSON text, named in messages by words ("lesson.json (inline scenario)"). */
    public static LoadedScenario parse(String json, Text sourceName) throws ScenarioException {
        Text source = sourceName == null ? ScenarioWords.of("source.unnamed") : sourceName;
        if (json == null) {
            throw fileProblem(source, null, "loader.noText");
        }
        ScenarioErrors errors = new ScenarioErrors(source);
        Node root = new JsonTreeReader(source).read(json);
        ScenarioSpec spec = new ScenarioParser(errors).parse(root);
        return ScenarioBuilder.build(spec, errors);
    }

    /** Why a file could not be read, in English words. */
    static String describe(IOException e) {
        return problemReading(e).english();
    }

    /** Why a file could not be read, in any language (the system's own detail stays as the system gave it). */
    static Text problemReading(IOException e) {
        if (e instanceof NoSuchFileException) {
            return ScenarioWords.of("loader.notFound");
        }
        if (e instanceof AccessDeniedException) {
            return ScenarioWords.of("loader.denied");
        }
        String detail = e.getMessage();
        return ScenarioWords.of("loader.cannotRead", detail == null ? e.getClass().getSimpleName() : detail);
    }

    private static ScenarioException fileProblem(Text source, Throwable cause, String key, Object... args) {
        return new ScenarioException(source, null, ScenarioWords.of(key, args), cause);
    }

    private static String decode(byte[] bytes, Text source) throws ScenarioException {
        if (bytes.length > MAX_FILE_BYTES) {
            throw fileProblem(source, null, "loader.tooLarge", MAX_FILE_BYTES);
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            // a UTF-8 byte order mark is harmless; Jackson would call it an unexpected character
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw fileProblem(source, e, "loader.notUtf8");
        }
    }
}
