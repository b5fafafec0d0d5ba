package memscope.app.cli;

import static memscope.app.cli.CliRun.memscope;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each subcommand run as a user would: a separate JVM, its exit code, standard output and standard error. */
class CliProcessTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Met expectations on the demo scenario: every rule of the issue's grading example. */
    private static final String GOOD = String.join("\n",
            "# a student's answer",
            "boot debugging=on",
            "write app 0x1100000 de ad expect ZX_OK",
            "write app.ro 0x1100000 00 expect ZX_ERR_ACCESS_DENIED",
            "read app 0x1100000 2",
            "");

    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void runPrintsEveryResultAsTheConsoleDoesAndExits0() throws IOException {
        CliRun r = memscope("run", file("good.msc", GOOD).toString());
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals(List.of("boot debugging=on -> ZX_OK ; kernel.enable-debugging-syscalls=true",
                "write app 0x1100000 de ad expect ZX_OK -> ZX_OK actual=2",
                "write app.ro 0x1100000 00 expect ZX_ERR_ACCESS_DENIED -> ZX_ERR_ACCESS_DENIED"
                        + " \u2014 the handle lacks ZX_RIGHT_WRITE",
                "read app 0x1100000 2 -> ZX_OK actual=2 data=de ad"), r.outLines());
        assertEquals("", r.err());
    }

    @Test
    void anAnswerOtherThanTheExpectedOneExits1AfterEveryLineRan() throws IOException {
        Path script = file("wrong.msc", "boot debugging=on\nwrite app.ro 0x1100000 00 expect ZX_OK\n"
                + "read app 0x1100000 1\n");
        CliRun r = memscope("run", script.toString());
        assertEquals(1, r.exitCode(), r.toString());
        assertEquals(3, r.outLines().size(), "the lines after the unmet one still ran: " + r);
        assertTrue(r.outLines().get(1).contains("ZX_ERR_ACCESS_DENIED (expected ZX_OK)"), r.toString());
        assertEquals(script + ": 1 line did not answer as expected", r.err().strip());
    }

    @Test
    void aScriptThatDoesNotParseRunsNothingAndExits2WithLineAndColumn() throws IOException {
        Path script = file("bad.msc", "boot debugging=on\nwrite app 0x1100000 zz\nfrob\n");
        CliRun r = memscope("run", script.toString());
        assertEquals(2, r.exitCode(), r.toString());
        assertEquals("", r.out(), "nothing ran");
        List<String> errors = List.of(r.err().split("\\R"));
        assertEquals(script + ": line 2, column 21: bad byte 'zz': a byte is two hex digits, 00 to ff",
                errors.get(0));
        assertTrue(errors.get(1).startsWith(script + ": line 3, column 1: unknown command 'frob'"), r.toString());
    }

    @Test
    void anUnknownExpectedStatusIsAParseError() throws IOException {
        CliRun r = memscope("run", file("s.msc", "write app 0x1100000 00 expect ZX_FINE\n").toString());
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().contains("line 1, column 31: expected a Zircon status after expect"), r.toString());
    }

    @Test
    void jsonLinesParseBackWithEveryField() throws IOException {
        CliRun r = memscope("run", file("good.msc", GOOD).toString(), "--format", "json");
        assertEquals(0, r.exitCode(), r.toString());
        List<JsonNode> lines = new ArrayList<>();
        for (String line : r.outLines()) {
            lines.add(JSON.readTree(line));
        }
        assertEquals(4, lines.size());
        JsonNode denied = lines.get(2);
        assertEquals(4, denied.get("line").asInt());
        assertEquals("zx_process_write_memory", denied.get("call").asText());
        assertTrue(denied.get("arguments").asText().contains("vaddr=0x1100000"), denied.toString());
        assertEquals("ZX_ERR_ACCESS_DENIED", denied.get("status").asText());
        assertEquals(0, denied.get("actual").asLong());
        assertEquals("MISSING_RIGHTS", denied.get("rule").asText());
        assertEquals("the handle lacks ZX_RIGHT_WRITE", denied.get("rule_words").asText());
        assertEquals("ZX_ERR_ACCESS_DENIED", denied.get("expected").asText());
        assertTrue(denied.get("expectation_met").asBoolean());
        assertEquals("de ad", lines.get(3).get("data").asText());
        assertEquals(2, lines.get(1).get("actual").asLong());
    }

    @Test
    void aMissingFileExits3AndSaysSo() {
        Path missing = dir.resolve("nowhere.msc");
        CliRun r = memscope("run", missing.toString());
        assertEquals(3, r.exitCode(), r.toString());
        assertEquals(missing + ": no such file", r.err().strip());
        CliRun lesson = memscope("lesson", "check", missing.toString());
        assertEquals(3, lesson.exitCode(), lesson.toString());
    }

    @Test
    void aNamedPipeIsRefusedWithoutHanging() throws Exception {
        Path fifo = dir.resolve("pipe.msc");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(mk.waitFor() == 0 && Files.exists(fifo), "mkfifo is not available");
        for (String[] args : new String[][] {{"run", fifo.toString()}, {"lesson", "check", fifo.toString()},
                {"maps", "--scenario", fifo.toString()}, {"run", file("g.msc", GOOD).toString(), "--scenario",
                fifo.toString()}}) {
            CliRun r = memscope(args); // CliRun kills a run that hangs and fails
            assertEquals(3, r.exitCode(), r.toString());
            assertEquals(fifo + " is a named pipe (FIFO), not a regular file", r.err().strip());
        }
    }

    @Test
    void anUnreadableFileExits3() throws IOException {
        Path script = file("secret.msc", GOOD);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("---------"));
        assumeTrue(!Files.isReadable(script), "running as root: every file is readable");
        CliRun r = memscope("run", script.toString());
        assertEquals(3, r.exitCode(), r.toString());
        assertEquals(script + ": permission denied: the file cannot be read", r.err().strip());
    }

    @Test
    void aMalformedScenarioExits3WithTheScenarioLoadersWords() throws IOException {
        CliRun r = memscope("run", file("g.msc", GOOD).toString(), "--scenario",
                file("broken.json", "{\"format\": 1, ").toString());
        assertEquals(3, r.exitCode(), r.toString());
        assertTrue(r.err().startsWith(dir.resolve("broken.json").toString()), r.toString());
        assertEquals("", r.out());
    }

    @Test
    void errorsAreInTheUsersLanguage() throws IOException {
        CliRun missing = CliRun.java(List.of("-Duser.language=zh", "-Duser.country=CN"), "run",
                dir.resolve("nowhere.msc").toString());
        assertEquals(3, missing.exitCode());
        assertEquals(dir.resolve("nowhere.msc") + "：文件不存在", missing.err().strip());
        CliRun bad = CliRun.java(List.of("-Duser.language=zh", "-Duser.country=CN"), "run",
                file("bad.msc", "write app 0x1100000 zz\n").toString());
        assertTrue(bad.err().contains("第 1 行，第 21 列"), bad.toString());
    }

    @Test
    void aLessonWhoseExpectIsWrongExits1NamingTheStep() throws IOException {
        String lesson = """
                {"format": 1, "title": "t", "title_zh": "t", "summary": "s", "summary_zh": "s",
                 "scenario": "demo.json",
                 "steps": [
                   {"text": "on", "text_zh": "on", "action": "boot debugging=on", "expect": "ZX_OK"},
                   {"text": "w", "text_zh": "w", "action": "write app.ro 0x1100000 00", "expect": "ZX_OK"}
                 ]}
                """;
        Path file = file("wrong-lesson.json", lesson);
        CliRun r = memscope("lesson", "check", file.toString());
        assertEquals(1, r.exitCode(), r.toString());
        assertEquals(file + ": steps[1]: expected ZX_OK, observed ZX_ERR_ACCESS_DENIED", r.err().strip());
        CliRun fixed = memscope("lesson", "check", file("right.json", lesson.replace(
                "00\", \"expect\": \"ZX_OK\"", "00\", \"expect\": \"ZX_ERR_ACCESS_DENIED\"")).toString());
        assertEquals(0, fixed.exitCode(), fixed.toString());
        assertTrue(fixed.out().contains("2 steps, every expectation met"), fixed.toString());
    }

    @Test
    void aLessonWithABadActionOrFormatExits1WithItsPlace() throws IOException {
        CliRun action = memscope("lesson", "check", file("a.json", """
                {"format": 1, "title": "t", "title_zh": "t", "summary": "s", "summary_zh": "s",
                 "scenario": "demo.json",
                 "steps": [{"text": "w", "text_zh": "w", "action": "write nobody 0x0 00", "expect": "ZX_OK"}]}
                """).toString());
        assertEquals(1, action.exitCode(), action.toString());
        assertTrue(action.err().contains("steps[0].action"), action.toString());
        CliRun format = memscope("lesson", "check", file("f.json", "{\"format\": 7}").toString());
        assertEquals(1, format.exitCode(), format.toString());
        assertTrue(format.err().contains("format"), format.toString());
    }

    @Test
    void mapsListsEveryProcessAsTextAndAsJson() throws IOException {
        CliRun text = memscope("maps");
        assertEquals(0, text.exitCode(), text.toString());
        assertTrue(text.outLines().contains("process editor-app (koid 1025)"), text.toString());
        assertTrue(text.out().contains("000001100000-000001102000 rw-p 00000000"), text.toString());
        assertTrue(text.out().contains("rw-s"), "the shared ring is marked shared: " + text);
        CliRun json = memscope("maps", "--format", "json");
        assertEquals(0, json.exitCode(), json.toString());
        JsonNode all = JSON.readTree(json.out());
        JsonNode editor = all.get(0);
        assertEquals("editor-app", editor.get("process").asText());
        assertFalse(editor.get("maps").isEmpty());
        JsonNode data = null;
        for (JsonNode m : editor.get("maps")) {
            data = "0x1100000".equals(m.get("start").asText()) ? m : data;
        }
        assertEquals("0x1102000", data.get("end").asText());
        assertEquals("rw-p", data.get("perms").asText());
        boolean deadListed = false;
        for (JsonNode p : all) {
            deadListed |= !p.get("alive").asBoolean() && p.get("maps").isEmpty();
        }
        assertTrue(deadListed, "the demo's killed process is listed without maps");
    }

    @Test
    void helpVersionAndUsageErrors() {
        CliRun version = memscope("--version");
        assertEquals(0, version.exitCode());
        assertTrue(version.out().startsWith("MemScope 0.1.0"), version.toString());
        for (String sub : new String[] {"run", "maps", "lesson"}) {
            CliRun help = memscope(sub, "--help");
            assertEquals(0, help.exitCode(), help.toString());
            assertTrue(help.out().startsWith("Usage: memscope " + sub), help.toString());
        }
        CliRun check = memscope("lesson", "check", "--help");
        assertTrue(check.out().contains("FILE.json"), check.toString());
        CliRun unknown = memscope("run", "--frobnicate", "x.msc");
        assertEquals(2, unknown.exitCode(), unknown.toString());
        assertTrue(unknown.err().startsWith("unknown argument: --frobnicate"), unknown.toString());
        CliRun both = memscope("maps", "--core", "a", "--load-elf", "b");
        assertEquals(2, both.exitCode(), both.toString());
        assertEquals("--core and --load-elf cannot be given together", both.err().strip());
    }

    @Test
    void bashCompletionIsGenerated() {
        CliRun r = memscope("generate-completion");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("complete -F"), "a bash completion script");
        assertTrue(r.out().contains("lesson") && r.out().contains("--load-elf"), r.toString());
    }

    @Test
    void anElfExecutableIsLoadedAsProcessElf() throws IOException {
        Path elf = Path.of("/bin/true");
        assumeTrue(Files.isRegularFile(elf), "no /bin/true to load");
        CliRun r = memscope("run", file("magic.msc", "read elf 0x555555554000 4 expect ZX_OK\n").toString(),
                "--load-elf", elf.toString(), "--format", "json");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("7f 45 4c 46", JSON.readTree(r.out()).get("data").asText(), "the ELF magic at the load base");
        CliRun maps = memscope("maps", "--load-elf", elf.toString());
        assertTrue(maps.out().contains("555555554000-"), maps.toString());
        CliRun notElf = memscope("maps", "--load-elf", file("x.msc", "boot debugging=on\n").toString());
        assertEquals(3, notElf.exitCode(), notElf.toString());
        assertTrue(notElf.err().contains("not an ELF file"), notElf.toString());
    }

    @Test
    void aLiveProcessIsAttachedAsProcessLive() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "60").start();
        try {
            CliRun r = memscope("maps", "--attach", Long.toString(sleeper.pid()), "--format", "json");
            assumeTrue(r.exitCode() != 3 || !r.err().contains("permit"), "attaching is not permitted here: " + r);
            assertEquals(0, r.exitCode(), r.toString());
            JsonNode live = JSON.readTree(r.out()).get(0);
            assertTrue(live.get("process").asText().contains("sleep"), r.toString());
            assertFalse(live.get("maps").isEmpty(), r.toString());
        } finally {
            sleeper.destroy();
        }
    }
}
