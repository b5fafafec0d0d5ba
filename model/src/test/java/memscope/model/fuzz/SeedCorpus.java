package memscope.model.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import memscope.model.Kernel;
import memscope.model.KernReturn;
import memscope.model.SessionForge;
import memscope.model.Sessions;
import memscope.model.TaskFlavor;
import memscope.model.scenario.LoadedScenario;
import memscope.model.scenario.ScenarioLoader;

/**
 * Writes the committed seed corpora (not a test): the bundled scenarios, lessons and script, a saved session and
 * the hostile inputs named in issue 9. Run from the repository root after {@code mvn -pl model test-compile}:
 * {@code java -cp model/target/test-classes:model/target/classes:<jackson> memscope.model.fuzz.SeedCorpus}.
 */
public final class SeedCorpus {
    private static final Path ROOT = Path.of("model/src/test/resources/memscope/model/fuzz");

    private SeedCorpus() {
    }

    public static void main(String[] args) throws Exception {
        Path scenarios = dir("ScenarioFuzzTestInputs/loadScenario");
        for (String name : new String[] {"demo.json", "big.json", "minimal.json"}) {
            Files.write(scenarios.resolve(name), resource("/memscope/scenarios/" + name));
        }
        Files.write(scenarios.resolve("fuzz-world.json"), resource("/memscope/model/fuzz/world.json"));
        text(scenarios.resolve("format-1e999999999.json"), "{\"format\":1e999999999}");
        String hexScenario = "{\"format\": 1, \"title\": \"t\", \"processes\": [{\"name\": \"p\"}],\n"
                + " \"vmos\": [{\"name\": \"v\", \"size\": \"4K\", \"contents\": [{\"offset\": 0, \"hex\": \"%s\"}]}]}\n";
        text(scenarios.resolve("hex-arabic-indic-and-fullwidth-digits.json"), String.format(hexScenario, "٥٥ ＡＢ"));
        text(scenarios.resolve("hex-ascii.json"), String.format(hexScenario, "55 ab"));

        Path lessons = dir("LessonFuzzTestInputs/loadLesson");
        for (int i = 1; i <= 7; i++) {
            String prefix = String.format("%02d-", i);
            try (var files = Files.list(Path.of("resources/lessons"))) {
                for (Path p : files.filter(f -> f.getFileName().toString().startsWith(prefix)).toList()) {
                    Files.copy(p, lessons.resolve(p.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        String lesson = "{\"format\": %s, \"title\": \"t\", \"title_zh\": \"题\", \"summary\": \"s\", \"summary_zh\": \"概\", %s\"scenario\": \"minimal.json\", \"steps\": [\n"
                + "  {\"text\": \"write\", \"text_zh\": \"写\", \"action\": \"write p1 0x1000000 de ad\", \"expect\": \"ZX_OK\", "
                + "\"expect_actual\": %s}]}\n";
        text(lessons.resolve("duplicate-title.json"), String.format(lesson, "1", "\"title\": \"again\", ", "2"));
        text(lessons.resolve("duplicate-format.json"), String.format(lesson, "1", "\"format\": 1, ", "2"));
        text(lessons.resolve("format-2-to-the-64-plus-1.json"), String.format(lesson, "18446744073709551617", "", "2"));
        text(lessons.resolve("expect-actual-2-to-the-64-plus-2.json"),
                String.format(lesson, "1", "", "18446744073709551618"));
        text(lessons.resolve("expect-actual-2.json"), String.format(lesson, "1", "", "2"));

        Path scripts = dir("ScriptFuzzTestInputs/runScript");
        Files.write(scripts.resolve("demo-tour.msc"), Files.readAllBytes(Path.of("resources/lessons/scripts/demo-tour.msc")));
        text(scripts.resolve("dup-rights-0x100000004.msc"), "dup app rights=0x100000004\n");
        text(scripts.resolve("dup-rights-read.msc"), "dup app rights=READ|INSPECT as r\nread r 0x1100000 4\n");
        text(scripts.resolve("every-command.msc"), String.join("\n",
                "write app 0x1100000 \"hi\" 00 size=3",
                "read app 0x1100000 16",
                "dup data rights=READ|MAP as d2",
                "replace d2 rights=READ",
                "close d2",
                "resize grow 16K",
                "cache ring UNCACHED",
                "protect app.root 0x1100000 0x1000 r--",
                "protect app.root 0x1100000 0x1000 rwx",
                "unmap app.root 0x1101000 0x1000",
                "boot debugging=off legacy_no_memory=on",
                "task t app CONTROL",
                "vm_write t 0x1100000 aa bb",
                "vm_read t 0x1100000 8",
                "vm_protect t 0x1100000 0x1000 r-- max",
                "vm_region t 0x1000000",
                "kill logger",
                ""));
        text(scripts.resolve("parse-errors.msc"), "wrte app 0 00\nread app 0x20g0 4\nwrite app 0 \"abc\n");

        Path sessions = dir("SessionFuzzTestInputs/loadSession");
        LoadedScenario world = ScenarioLoader.parse(new String(resource("/memscope/model/fuzz/world.json"),
                StandardCharsets.UTF_8), "fuzz world");
        Kernel k = world.kernel();
        if (k.mach().taskForProcess(world.handle("app"), TaskFlavor.READ).kr() != KernReturn.SUCCESS) {
            throw new IllegalStateException("no task port");
        }
        Sessions.save(k, sessions.resolve("fuzz-world.msession").toAbsolutePath());
        Files.write(sessions.resolve("forged-consistent.msession"), SessionForge.consistent());
        Files.write(sessions.resolve("vdso-handle-default-vmo-rights.msession"), SessionForge.vdsoHandleWithDefaultRights());
        Files.write(sessions.resolve("vdso-mapping-not-permanent-max-rwx.msession"), SessionForge.vdsoMappingNotPermanent());
        Files.write(sessions.resolve("destroyed-vmar-with-live-child.msession"), SessionForge.destroyedVmarWithChild());
        Files.write(sessions.resolve("ordinary-mapping-permanent.msession"), SessionForge.ordinaryMappingPermanent());
    }

    private static Path dir(String name) throws IOException {
        return Files.createDirectories(ROOT.resolve(name));
    }

    private static void text(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = SeedCorpus.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }
}
