package memscope.app.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import memscope.app.kernel.CallRecorder.Recorded;
import memscope.app.kernel.KernelSession;
import memscope.model.KernReturn;
import memscope.model.KernelListener;
import memscope.model.MapEntry;
import memscope.model.Rule;
import memscope.model.SyscallRecord;
import memscope.model.scenario.LoadedScenario;
import memscope.model.scenario.ScenarioLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Mach write path on the demo scenario: one task port per handle, refusals in Mach's words. */
class MachWritePathTest {
    private LoadedScenario demo;
    private KernelSession session;
    private MachWritePath path;
    private final List<SyscallRecord> calls = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        demo = ScenarioLoader.loadDefault();
        session = new KernelSession(demo);
        path = new MachWritePath(session);
        demo.kernel().subscribe(new KernelListener() {
            @Override
            public void syscallCompleted(SyscallRecord record) {
                calls.add(record);
            }
        });
    }

    private int handle(String name) {
        return demo.handles().get(name);
    }

    private MapEntry mappingOf(String vmo) {
        long koid = demo.kernel().inspector().handle(handle(vmo)).orElseThrow().koid();
        return demo.kernel().processMaps(handle("app")).entries().stream()
                .filter(e -> e.isMapping() && e.vmoKoid() == koid).findFirst().orElseThrow();
    }

    private long count(String name) {
        return calls.stream().filter(r -> r.name().equals(name)).count();
    }

    @Test
    void asksForTheTaskPortOnceAndWritesWithVmWrite() {
        long data = mappingOf("data").base();
        assertEquals(2L, path.write(handle("app"), data, new byte[] {1, 2}).result());
        assertEquals(1L, path.write(handle("app"), data + 2, new byte[] {3}).result());
        assertEquals(1, count("task_for_pid"));
        assertEquals(2, count("vm_write"));
    }

    @Test
    void theCodePageIsAProtectionFailureAndTheDecidingRecordSaysSo() {
        long code = mappingOf("code").base();
        Recorded<Long> r = path.write(handle("app"), code, new byte[] {1});
        assertEquals(0L, r.result());
        assertEquals("vm_write", r.record().name());
        assertEquals(KernReturn.PROTECTION_FAILURE, r.record().kernReturn());
        assertEquals(code, r.record().ruleAddress());
        // a protection failure is no reason to ask for the port again
        path.write(handle("app"), code, new byte[] {1});
        assertEquals(1, count("task_for_pid"));
    }

    @Test
    void aHandleWithoutWriteGetsNoTaskPort() {
        Recorded<Long> r = path.write(handle("app.ro"), mappingOf("data").base(), new byte[] {1});
        assertEquals(0L, r.result());
        assertEquals("task_for_pid", r.record().name());
        assertEquals(KernReturn.FAILURE, r.record().kernReturn());
        assertEquals(Rule.MISSING_RIGHTS, r.record().rule());
        assertEquals(0, count("vm_write"), "without a port there is nothing to write with");
    }

    @Test
    void aPortWhoseProcessDiedIsForgottenAndTheNextWriteSaysWhy() {
        long data = mappingOf("data").base();
        path.write(handle("app"), data, new byte[] {1});
        demo.kernel().taskKill(handle("app"));
        Recorded<Long> dead = path.write(handle("app"), data, new byte[] {1});
        assertEquals(KernReturn.SEND_INVALID_DEST, dead.record().kernReturn());
        Recorded<Long> again = path.write(handle("app"), data, new byte[] {1});
        assertEquals("task_for_pid", again.record().name());
        assertEquals(Rule.PROCESS_DEAD, again.record().rule());
    }
}
