package memscope.model.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code expect STATUS} at the end of a line: parsed off the command, checked against the call's answer. */
class ExpectTest {
    private final ConsoleSession console = TestWorld.debugging().session();

    private CommandResult run(String line) {
        RunResult r = console.run(line);
        assertEquals(List.of(), r.errors(), line);
        return r.results().get(0);
    }

    @Test
    void aMetExpectationIsMetAndTheSummaryIsUnchanged() {
        CommandResult r = run("write p1 0x1000000 de ad expect ZX_OK");
        assertEquals(Optional.of("ZX_OK"), r.command().expected());
        assertTrue(r.expectationMet());
        assertEquals(2, r.actual(), "the expectation is not read as data");
        assertEquals("write p1 0x1000000 de ad expect ZX_OK -> ZX_OK actual=2", r.summary());
    }

    @Test
    void aDifferentAnswerIsNotMetAndTheSummarySaysWhatWasExpected() {
        CommandResult r = run("write p1 0x1010000 90 expect ZX_ERR_ACCESS_DENIED");
        assertFalse(r.expectationMet());
        assertTrue(r.summary().endsWith("(expected ZX_ERR_ACCESS_DENIED)"), r.summary());
        assertTrue(r.summaryText().in(Locale.SIMPLIFIED_CHINESE).endsWith("（预期 ZX_ERR_ACCESS_DENIED）"));
    }

    @Test
    void aLineWithoutExpectExpectsNothing() {
        CommandResult r = run("write p1 0x2000000 90");
        assertEquals(Optional.empty(), r.command().expected());
        assertTrue(r.expectationMet(), "no expectation, nothing to miss, even for an error");
    }

    @Test
    void statusNamesAreCaseInsensitiveAndMachCallsTakeMachNames() {
        run("task t p1 CONTROL");
        CommandResult r = run("vm_write t 0x1000000 01 expect kern_success");
        assertEquals(Optional.of("KERN_SUCCESS"), r.command().expected());
        assertTrue(r.expectationMet());
    }

    @Test
    void anUnknownOrWrongKernelsStatusIsAParseErrorAtTheStatus() {
        ParsedScript p = console.parse("write p1 0x1000000 00 expect ZX_NOPE\nvm_read t 0x1000000 4 expect ZX_OK");
        assertEquals(2, p.errors().size());
        ScriptError zircon = p.errors().get(0);
        assertEquals(1, zircon.line());
        assertEquals(30, zircon.column());
        assertTrue(zircon.message().startsWith("expected a Zircon status after expect"), zircon.message());
        assertEquals(2, p.errors().get(1).line());
        assertTrue(p.errors().get(1).message().startsWith("expected a Mach status"), p.errors().get(1).message());
    }

    @Test
    void aHandleNamedExpectStillWorksWhereItIsNotTheLastButOne() {
        ConsoleSession s = TestWorld.debugging().session();
        RunResult r = s.run("dup p1 as expect\nkill expect");
        assertEquals(List.of(), r.errors());
        assertEquals("ZX_OK", r.results().get(1).statusName());
    }
}
