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
        String source = RESOURCE_DIRECTORY + name;
        if (name == null || name.isBlank() || name.contains("..") || name.startsWith("/")) {
            throw new ScenarioException(String.valueOf(name), "", "not a scenario name like \"demo.json\"");
        }
        ClassLoader loader = ScenarioLoader.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(source)) {
            if (in == null) {
                throw new ScenarioException(source, "", "no such scenario on the classpath (bundled: "
                        + String.join(", ", BUNDLED) + ")");
            }
            byte[] bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
            return parse(decode(bytes, source), source);
        } catch (IOException e) {
            throw new ScenarioException(source, "", "cannot read the resource: " + e.getMessage(), e);
        }
    }

    /** A scenario file on disk. */
    public static LoadedScenario load(Path file) throws ScenarioException {
        String source = String.valueOf(file);
        if (file == null) {
            throw new ScenarioException("(no file)", "", "no scenario file given");
        }
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw new ScenarioException(source, "", "is a directory, not a scenario file");
            }
            if (Files.exists(file) && Files.size(file) > MAX_FILE_BYTES) {
                throw new ScenarioException(source, "", "the file is " + Files.size(file)
                        + " bytes; a scenario file is at most " + MAX_FILE_BYTES + " bytes");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ScenarioException(source, "", describe(e), e);
        }
        return parse(decode(bytes, source), source);
    }

    /** A scenario given as JSON text; {@code sourceName} names it in messages. */
    public static LoadedScenario parse(String json, String sourceName) throws ScenarioException {
        String source = sourceName == null || sourceName.isBlank() ? "(scenario)" : sourceName;
        if (json == null) {
            throw new ScenarioException(source, "", "no scenario text given");
        }
        ScenarioErrors errors = new ScenarioErrors(source);
        Node root = new JsonTreeReader(source).read(json);
        ScenarioSpec spec = new ScenarioParser(errors).parse(root);
        return ScenarioBuilder.build(spec, errors);
    }

    /** Why a file could not be read, in words. */
    static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "file not found";
        }
        if (e instanceof AccessDeniedException) {
            return "cannot read the file: permission denied";
        }
        String detail = e.getMessage();
        return "cannot read the file: " + (detail == null ? e.getClass().getSimpleName() : detail);
    }

    private static String decode(byte[] bytes, String source) throws ScenarioException {
        if (bytes.length > MAX_FILE_BYTES) {
            throw new ScenarioException(source, "", "larger than " + MAX_FILE_BYTES
                    + " bytes; a scenario file is at most that");
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            // a UTF-8 byte order mark is harmless; Jackson would call it an unexpected character
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new ScenarioException(source, "", "not UTF-8 text; a scenario file is JSON in UTF-8", e);
        }
    }
}
