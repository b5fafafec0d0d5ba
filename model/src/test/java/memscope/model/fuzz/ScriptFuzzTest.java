package memscope.model.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.code_intelligence.jazzer.junit.FuzzTest;

import memscope.model.Kernel;
import memscope.model.KernelInspector;
import memscope.model.ObjectType;
import memscope.model.Rights;
import memscope.model.scenario.LoadedScenario;
import memscope.model.scenario.ScenarioException;
import memscope.model.scenario.ScenarioLoader;
import memscope.model.script.CommandResult;
import memscope.model.script.ConsoleSession;
import memscope.model.script.RunResult;
import memscope.model.script.ScriptError;

/**
 * Any text given to the console as a script either runs, every command giving a status, or is refused with
 * errors whose messages are short; nothing throws. The world stays sound, and no handle ends up with rights
 * that no handle to its object had before (bar EXECUTE on a VMO, which zx_vmo_replace_as_executable adds). A
 * rights value that does not fit in 32 bits is an error, not silently cut. The world is
 * {@code memscope/model/fuzz/world.json}, built anew for every input. Seeds: {@code ScriptFuzzTestInputs/runScript/}.
 */
class ScriptFuzzTest {
    private static final String WORLD = resource("/memscope/model/fuzz/world.json");
    private static final Pattern RIGHTS_LITERAL = Pattern.compile("(?i)\\brights\\s*=\\s*(0x[0-9a-f]+|[0-9]+)\\b");
    private static final BigInteger MAX_U32 = BigInteger.valueOf(0xffff_ffffL);

    @FuzzTest(maxDuration = "10m")
    void runScript(byte[] input) throws ScenarioException {
        String script = new String(input, StandardCharsets.UTF_8);
        LoadedScenario world = ScenarioLoader.parse(WORLD, "fuzz world");
        ConsoleSession console = ConsoleSession.forScenario(world);
        console.highlight(script);
        Map<Long, Integer> rightsBefore = rightsByObject(world.kernel());
        RunResult run = console.run(script);
        for (ScriptError e : run.errors()) {
            if (e.line() < 1 || e.column() < 1 || e.message() == null || e.message().isBlank()) {
                throw new AssertionError("a script error without a place or a message: " + e);
            }
            Refusals.bounded("script error", e.message(), null);
        }
        if (run.errors().isEmpty()) {
            String huge = hugeRightsLiteral(script);
            if (huge != null) {
                throw new AssertionError("rights=" + huge + " (more than 32 bits) was accepted: " + run.results());
            }
        }
        for (CommandResult r : run.results()) {
            if (r.status() == null && r.kernReturn() == null) {
                throw new AssertionError("a command without a status: " + r);
            }
            Refusals.bounded("result summary", r.summary(), null);
        }
        noRightsGained(rightsBefore, world.kernel());
        WorldChecks.sound(world.kernel());
    }

    /** For each object, the union of the rights of every handle to it. */
    static Map<Long, Integer> rightsByObject(Kernel kernel) {
        Map<Long, Integer> out = new HashMap<>();
        for (KernelInspector.HandleInfo h : kernel.inspector().handles()) {
            out.merge(h.koid(), h.rights(), (a, b) -> a | b);
        }
        return out;
    }

    /** Fails when a handle to an object that existed before has a right no handle to it had then. */
    static void noRightsGained(Map<Long, Integer> before, Kernel kernel) {
        List<KernelInspector.HandleInfo> now = kernel.inspector().handles();
        for (KernelInspector.HandleInfo h : now) {
            Integer had = before.get(h.koid());
            if (had == null) {
                continue;
            }
            int allowed = had | (h.type() == ObjectType.VMO ? Rights.EXECUTE : 0);
            if ((h.rights() & ~allowed) != 0) {
                throw new AssertionError("handle 0x" + Integer.toHexString(h.handle()) + " to koid " + h.koid()
                        + " has " + Rights.toString(h.rights()) + " but its object's handles had only "
                        + Rights.toString(had));
            }
        }
    }

    private static String hugeRightsLiteral(String script) {
        for (String line : script.split("\n")) {
            String code = line.contains("#") ? line.substring(0, line.indexOf('#')) : line;
            Matcher m = RIGHTS_LITERAL.matcher(code);
            while (m.find()) {
                String literal = m.group(1);
                BigInteger v = literal.toLowerCase().startsWith("0x")
                        ? new BigInteger(literal.substring(2), 16) : new BigInteger(literal);
                if (v.compareTo(MAX_U32) > 0) {
                    return literal;
                }
            }
        }
        return null;
    }

    static String resource(String name) {
        try (InputStream in = ScriptFuzzTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
