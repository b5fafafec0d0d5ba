package memscope.app.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PhasesTest {
    private static final long MS = 1_000_000;

    @Test
    void eachRowIsWhatItsThreadSpentSinceItsPreviousRow() {
        Object fx = new Object();
        Object main = new Object();
        Phases phases = new Phases(100 * MS);
        phases.mark("main starts", main, "main", 400 * MS, 200 * MS, 300);
        phases.mark("toolkit", fx, "FX", 700 * MS, 30 * MS, 600);
        phases.mark("scenario", fx, "FX", 850 * MS, 160 * MS, 800);
        phases.mark("command line", main, "main", 420 * MS, 205 * MS, 810);

        List<Phases.Mark> marks = phases.marks();
        // a thread's first row counts from the JVM's start and from no CPU
        assertEquals(new Phases.Mark("main starts", "main", 300 * MS, 300 * MS, 200 * MS, 300), marks.get(0));
        assertEquals(new Phases.Mark("toolkit", "FX", 600 * MS, 600 * MS, 30 * MS, 600), marks.get(1));
        assertEquals(new Phases.Mark("scenario", "FX", 750 * MS, 150 * MS, 130 * MS, 800), marks.get(2));
        assertEquals(new Phases.Mark("command line", "main", 320 * MS, 20 * MS, 5 * MS, 810), marks.get(3));
        // so one thread's rows add up to its CPU by its last row
        assertEquals(160 * MS, marks.get(1).cpu() + marks.get(2).cpu());
    }

    @Test
    void theTableHasOneRowPerMarkInMilliseconds() {
        Object fx = new Object();
        Phases phases = new Phases(0);
        phases.mark("window shown", fx, "JavaFX Application Thread", 2_500 * MS, 1_200 * MS, 4_100);
        phases.mark("first frame", fx, "JavaFX Application Thread", 2_700 * MS, 1_260 * MS, 4_300);

        String[] lines = phases.table().split("\n");
        assertEquals(4, lines.length); // a caption, the heading, two rows
        assertEquals(List.of("2500", "2500", "1200", "4100", "JavaFX", "Application", "Thread", "window", "shown"),
                List.of(lines[2].trim().split(" +")));
        assertEquals(List.of("2700", "200", "60", "4300", "JavaFX", "Application", "Thread", "first", "frame"),
                List.of(lines[3].trim().split(" +")));
    }

    @Test
    void noMarksNoTable() {
        assertEquals("", new Phases(0).table());
    }

    @Test
    void threadsAreGroupedByWhatTheyDo() {
        assertEquals("C2 compiler", ThreadCpu.kind("C2 CompilerThre"));
        assertEquals("C1 compiler", ThreadCpu.kind("C1 CompilerThre"));
        assertEquals("FX thread", ThreadCpu.kind("JavaFX Applicat"));
        assertEquals("renderer", ThreadCpu.kind("QuantumRenderer"));
        assertEquals("GC and VM", ThreadCpu.kind("GC Thread#1"));
        assertEquals("other", ThreadCpu.kind("main"));
        // utime 150 and stime 7 ticks of 10 ms; the name may hold spaces and parentheses
        assertEquals(1_570, ThreadCpu.millis("42 (C2 Compiler) x) S 1 1 1 0 -1 4194368 0 0 0 0 150 7 0 0 20 0"));
        assertTrue(ThreadCpu.summary().isEmpty() || ThreadCpu.summary().startsWith("memscope: CPU ms by thread"));
    }
}
