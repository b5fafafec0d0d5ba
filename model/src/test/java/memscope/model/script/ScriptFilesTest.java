package memscope.model.script;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import memscope.model.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScriptFilesTest {
    @TempDir
    Path dir;

    @Test
    void aSavedScriptReplaysOnAFreshKernelToTheSameState() throws IOException {
        ConsoleSession first = TestWorld.debugging().session();
        String script = "# poke two bytes\nwrite p1 0x1000000 ca fe\ndup p1 rights=READ|WRITE as p1rw\n"
                + "read p1rw 0x1000000 2";
        first.run(script);
        Path file = dir.resolve("poke" + ScriptFiles.EXTENSION);
        ScriptFiles.save(file, script);
        assertEquals(script + "\n", Files.readString(file));
        assertEquals(script + "\n", ScriptFiles.load(file));

        ConsoleSession second = TestWorld.debugging().session();
        RunResult replay = ScriptFiles.replay(file, second);
        assertEquals(List.of(Status.OK, Status.OK, Status.OK),
                replay.results().stream().map(CommandResult::status).toList());
        assertArrayEquals(new byte[] {(byte) 0xca, (byte) 0xfe}, replay.results().get(2).data());
    }

    @Test
    void aTranscriptSavesAsTheCommandsTyped() throws IOException {
        ConsoleSession console = TestWorld.debugging().session();
        console.run("write p1 0x1000000 01   # first");
        console.run("read p1 0x1000000 1");
        Path file = dir.resolve("typed.msc");
        ScriptFiles.save(file, console.results());
        assertEquals("write p1 0x1000000 01\nread p1 0x1000000 1\n", Files.readString(file));
    }

    @Test
    void aBrokenFileReplaysNothing() throws IOException {
        Path file = dir.resolve("broken.msc");
        Files.writeString(file, "write p1 0x1000000 01\nwrite p1 0x1000000 0g\n");
        ConsoleSession console = TestWorld.debugging().session();
        RunResult r = ScriptFiles.replay(file, console);
        assertFalse(r.ran());
        assertEquals(List.of(new ScriptError(2, 20, "bad byte '0g': a byte is two hex digits, 00 to ff")), r.errors());
        assertArrayEquals(new byte[] {0}, console.run("read p1 0x1000000 1").results().get(0).data());
    }

    @Test
    void savingOverAnExistingScriptReplacesItWholeAndLeavesNoTemporaryFile() throws IOException {
        Path file = dir.resolve("s.msc");
        ScriptFiles.save(file, "close h3\nclose h3\nclose h3");
        ScriptFiles.save(file, "kill p1");
        assertEquals("kill p1\n", Files.readString(file));
        try (var list = Files.list(dir)) {
            assertEquals(List.of(file), list.toList());
        }
    }
}
