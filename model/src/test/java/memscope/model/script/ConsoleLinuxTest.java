package memscope.model.script;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import memscope.model.Errno;
import memscope.model.linux.LessonChild;
import memscope.model.linux.LinuxException;
import org.junit.jupiter.api.Test;

/** The console's Linux commands and its symbolic address {@code $code}, on a live child and without one. */
class ConsoleLinuxTest {

    @Test
    void withoutALiveProcessDollarCodeIsAParseErrorNamingTheProblem() {
        ParsedScript p = TestWorld.debugging().session().parse("write p1 $code cc");
        assertFalse(p.ok());
        assertEquals("expected a number for ADDRESS, found '$code' (no symbolic addresses: no live "
                + "process is attached)", p.errors().get(0).message());
    }

    @Test
    void aLinuxWriteOnASimulatedProcessIsEsrchAndWritesNothing() {
        TestWorld w = TestWorld.debugging();
        ConsoleSession s = w.session();
        RunResult r = s.run("process_vm_writev p1 " + Hex.address(TestWorld.DATA) + " cc\n"
                + "proc_mem_write p1 " + Hex.address(TestWorld.DATA) + " cc");
        assertEquals("ESRCH", r.results().get(0).statusName());
        assertEquals("ESRCH", r.results().get(1).statusName());
        assertEquals(0, r.results().get(1).actual());
        byte[] got = new byte[1];
        w.kernel.inspector().peek(w.names.get("p1"), TestWorld.DATA, got);
        assertArrayEquals(new byte[1], got, "nothing reached the simulated memory either");
    }

    @Test
    void onALiveChildDollarCodeIsItsCodeAndProcessVmWritevThereIsEfault() throws Exception {
        TestWorld w = TestWorld.debugging();
        LessonChild child;
        try {
            child = LessonChild.start(w.kernel);
        } catch (LinuxException e) {
            assumeTrue(e.errno() != Errno.EPERM && e.errno() != Errno.EACCES, "ptrace not permitted: " + e);
            throw e;
        }
        try (child) {
            Map<String, Integer> names = new LinkedHashMap<>(w.names);
            names.put("c", child.process().processHandle());
            ConsoleSession s = new ConsoleSession(w.kernel, names);
            s.attach(child.process());
            long code = child.codeAddress().orElseThrow();
            assertEquals(Map.of("$code", code), s.symbols());

            ParsedScript bad = s.parse("read c $coda 4");
            assertEquals("unknown symbolic address '$coda' for ADDRESS (known: $code)",
                    bad.errors().get(0).message());

            RunResult r = s.run("disk_check c $code 4\nprocess_vm_writev c $code cc\ndisk_check c $code 4");
            assertTrue(r.results().get(0).ok(), r.results().get(0).summary());
            byte[] before = r.results().get(0).data();
            assertEquals("EFAULT", r.results().get(1).statusName());
            assertTrue(r.results().get(1).detail().contains("process_vm_writev honours page protections"));
            assertArrayEquals(before, r.results().get(2).data());
            assertTrue(r.results().get(2).detail().contains("the process holds the same bytes"),
                    "process_vm_writev changed nothing: " + r.results().get(2).detail());
        }
    }
}
