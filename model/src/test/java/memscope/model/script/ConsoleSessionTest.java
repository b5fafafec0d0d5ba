package memscope.model.script;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import memscope.model.BootOptions;
import memscope.model.KernelListener;
import memscope.model.Rights;
import memscope.model.Status;
import memscope.model.SyscallRecord;
import org.junit.jupiter.api.Test;

class ConsoleSessionTest {
    private final TestWorld world = TestWorld.debugging();
    private final ConsoleSession console = world.session();

    private CommandResult run(String line) {
        RunResult r = console.run(line);
        assertEquals(List.of(), r.errors(), line);
        assertEquals(1, r.results().size(), line);
        return r.results().get(0);
    }

    private Status status(String line) {
        return run(line).status();
    }

    @Test
    void writeThenReadBack() {
        CommandResult w = run("write p1 0x1000000 de ad be ef");
        assertEquals(Status.OK, w.status());
        assertEquals("zx_process_write_memory", w.call());
        assertEquals(4, w.requested());
        assertEquals(4, w.actual());
        CommandResult r = run("read p1 0x1000002 4");
        assertEquals("ZX_OK", r.statusName());
        assertArrayEquals(new byte[] {(byte) 0xbe, (byte) 0xef, 0, 0}, r.data());
        assertEquals("read p1 0x1000002 4 -> ZX_OK actual=4 data=be ef 00 00", r.summary());
    }

    @Test
    void aStringWritesItsUtf8Bytes() {
        run("write p1 0x1000000 \"hi\" 21");
        assertArrayEquals(new byte[] {'h', 'i', '!'}, run("read p1 0x1000000 3").data());
    }

    @Test
    void aPartialWriteStopsAtTheMappingEnd() {
        CommandResult w = run("write p1 0x1001ffe 01 02 03 04");
        assertEquals(Status.OK, w.status());
        assertEquals(2, w.actual());
        assertTrue(w.summary().contains("(partial: 2 of 4)"), w.summary());
    }

    @Test
    void theDebuggingGateIsABootOption() {
        ConsoleSession off = new TestWorld(BootOptions.defaults()).session();
        assertEquals(Status.ERR_NOT_SUPPORTED, off.run("write p1 0x1000000 00").results().get(0).status());
        RunResult r = off.run("boot debugging=on\nwrite p1 0x1000000 00");
        assertEquals(List.of(Status.OK, Status.OK), r.results().stream().map(CommandResult::status).toList());
        assertTrue(off.kernel().options().debuggingSyscalls());
    }

    @Test
    void legacyNoMemoryChangesTheUnmappedError() {
        assertEquals(Status.ERR_NOT_FOUND, status("write p1 0x5000000 00"));
        run("boot legacy_no_memory=on");
        assertEquals(Status.ERR_NO_MEMORY, status("write p1 0x5000000 00"));
    }

    @Test
    void bootFidelityChoosesTodaysKernelsAnswers() {
        run("dup dev rights=READ|MAP as dev.ro");
        assertEquals(Status.OK, status("cache dev UNCACHED"), "the default lets a mapped VMO change");
        CommandResult boot = run("boot fidelity=today");
        assertEquals(memscope.model.Fidelity.TODAY, world.kernel.options().fidelity());
        assertTrue(boot.summary().contains("fidelity=today"), boot.summary());
        assertEquals(Status.ERR_BAD_STATE, status("cache dev CACHED"), "today's kernels refuse a mapped VMO");
        assertEquals(Status.OK, status("unmap p1.root 0x1020000 0x1000"));
        assertEquals(Status.OK, status("cache dev CACHED"));
        CommandResult map = run("map p1.root 0x1020000 dev 0x1000 rw-");
        assertEquals(Status.OK, map.status());
        assertEquals(Status.OK, status("write p1 0x1020000 01"));
        assertEquals(Status.OK, status("map p1.root 0x1030000 dev.ro 0x1000 r-- offset=0"));
        assertEquals(Status.ERR_ACCESS_DENIED, status("map p1.root 0x1040000 dev.ro 0x1000 rw-"),
                "the handle lacks WRITE");
        run("boot fidelity=documented");
        assertEquals(memscope.model.Fidelity.DOCUMENTED, world.kernel.options().fidelity());
    }

    @Test
    void vmProtectCopyRemapsCopyOnWriteAndRaisesTheMaximum() {
        run("task t1 p1 CONTROL");
        assertEquals("KERN_SUCCESS", run("vm_protect t1 0x1010000 0x1000 r-x max").statusName());
        assertEquals("KERN_PROTECTION_FAILURE", run("vm_protect t1 0x1010000 0x1000 rwx").statusName());
        assertEquals("KERN_SUCCESS", run("vm_protect t1 0x1010000 0x1000 rwx copy").statusName());
        assertEquals("KERN_SUCCESS", run("vm_write t1 0x1010000 cc").statusName());
        assertTrue(run("vm_region t1 0x1010000").summary().contains("prot=rwx max=rwx"));
    }

    @Test
    void aFidelityOtherThanTheTwoIsAnError() {
        RunResult r = console.run("boot fidelity=tomorrow");
        assertEquals(1, r.errors().size());
        assertTrue(r.errors().get(0).toString().contains("expected documented or today"), r.errors().toString());
    }

    @Test
    void everyWriteErrorIsReachableFromTheConsole() {
        assertEquals(Status.ERR_INVALID_ARGS, status("write p1 0x1000000 \"\""));
        assertEquals(Status.ERR_INVALID_ARGS, status("write p1 0x1000000 00 size=0x4000001"));
        assertEquals(Status.ERR_INVALID_ARGS, status("write p1 0x1000000 00 size=2"));
        assertEquals(Status.ERR_WRONG_TYPE, status("write data 0x1000000 00"));
        assertEquals(Status.ERR_ACCESS_DENIED, status("write p1 " + Hex.address(world.vdsoBase()) + " 00"));
        assertEquals(Status.OK, status("cache dev UNCACHED"));
        assertEquals(Status.ERR_BAD_STATE, status("write p1 0x1020000 00"));
        assertEquals(Status.OK, status("resize code 0"));
        assertEquals(Status.ERR_OUT_OF_RANGE, status("write p1 0x1010000 00"));
        assertEquals(Status.OK, status("replace p1 rights=READ as p1ro"));
        assertEquals(Status.ERR_BAD_HANDLE, status("write p1 0x1000000 00"));
        assertEquals(Status.ERR_ACCESS_DENIED, status("write p1ro 0x1000000 00"));
    }

    @Test
    void writingToAReadOnlyMappingSucceedsLikeADebugger() {
        assertEquals(Status.OK, status("write p1 0x1010000 90 90"));
        assertArrayEquals(new byte[] {(byte) 0x90, (byte) 0x90}, run("read p1 0x1010000 2").data());
    }

    @Test
    void readingNeedsWriteForHistoricalReasons() {
        CommandResult dup = run("dup p1 rights=READ|INSPECT as p1ro");
        assertEquals(Status.OK, dup.status());
        assertTrue(dup.detail().startsWith("p1ro = new handle 0x"), dup.detail());
        assertTrue(dup.detail().endsWith("rights=READ|INSPECT"), dup.detail());
        assertEquals(Status.ERR_ACCESS_DENIED, status("read p1ro 0x1000000 4"));
        assertEquals(Status.OK, status("dup p1 rights=READ|WRITE as p1rw"));
        assertEquals(Status.OK, status("read p1rw 0x1000000 4"));
    }

    @Test
    void replaceWithoutAsMovesTheNameToTheNewHandle() {
        int before = console.names().get("p1");
        assertEquals(Status.OK, status("replace p1 rights=READ|WRITE"));
        int after = console.names().get("p1");
        assertNotEquals(before, after);
        assertEquals(Rights.READ | Rights.WRITE, world.kernel.inspector().handle(after).orElseThrow().rights());
        assertTrue(world.kernel.inspector().handle(before).isEmpty());
        assertEquals(Status.OK, status("write p1 0x1000000 00"));
    }

    @Test
    void aClosedNameStaysBoundToItsDeadHandle() {
        assertEquals(Status.OK, status("close data"));
        assertEquals(Status.ERR_BAD_HANDLE, status("close data"));
        assertEquals(Status.ERR_BAD_HANDLE, status("resize data 0x1000"));
    }

    @Test
    void killMakesTheProcessDead() {
        assertEquals(Status.OK, status("kill p1"));
        assertEquals(Status.ERR_BAD_STATE, status("write p1 0x1000000 00"));
        assertEquals(Status.ERR_BAD_STATE, status("read p1 0x1000000 1"));
    }

    @Test
    void protectAndUnmapGoThroughTheVmar() {
        assertEquals(Status.OK, status("protect p1.root 0x1000000 0x1000 r--"));
        assertEquals(1, world.kernel.inspector().mappingAt(world.names.get("p1"), 0x1000000L).orElseThrow().perms());
        assertEquals(Status.OK, status("unmap p1.root 0x1000000 8K"));
        assertEquals(Status.ERR_NOT_FOUND, status("write p1 0x1000000 00"));
    }

    @Test
    void hugeReadSizesAreRefusedWithoutAllocating() {
        CommandResult r = run("read p1 0x1000000 1G");
        assertEquals(Status.ERR_INVALID_ARGS, r.status());
        assertEquals(0, r.data().length);
        assertEquals(Status.ERR_INVALID_ARGS, status("read p1 0x1000000 0"));
    }

    @Test
    void aScriptWithAnyErrorRunsNothing() {
        List<SyscallRecord> calls = new ArrayList<>();
        world.kernel.subscribe(new KernelListener() {
            @Override
            public void syscallCompleted(SyscallRecord record) {
                calls.add(record);
            }
        });
        RunResult r = console.run("write p1 0x1000000 aa\nkill p1\nread p1 0x1000000 zz");
        assertFalse(r.ran());
        assertEquals(List.of(), r.results());
        assertEquals(List.of(new ScriptError(3, 19, "SIZE: bad number 'zz': expected hex with 0x, decimal, or a size "
                + "like 4K, 64M")), r.errors());
        assertEquals(List.of(), calls, "no syscall may run");
        assertArrayEquals(new byte[] {0}, run("read p1 0x1000000 1").data());
        assertEquals(List.of("zx_process_read_memory"), calls.stream().map(SyscallRecord::name).toList());
    }

    @Test
    void theSessionKeepsATranscript() {
        console.run("write p1 0x1000000 01\nread p1 0x1000000 1");
        console.run("close dev");
        assertEquals(List.of("write p1 0x1000000 01", "read p1 0x1000000 1", "close dev"),
                console.results().stream().map(r -> r.command().text()).toList());
    }

    @Test
    void parseUsesTheNamesBoundSoFar() {
        assertFalse(console.parse("close p1ro").ok());
        run("dup p1 as p1ro");
        assertTrue(console.parse("close p1ro").ok());
        assertTrue(console.names().containsKey("p1ro"));
    }

    @Test
    void aConsoleOnTheDemoScenarioKnowsItsNames() throws Exception {
        ConsoleSession demo = ConsoleSession.forScenario(memscope.model.scenario.ScenarioLoader.loadDefault());
        assertTrue(demo.names().keySet().containsAll(List.of("app", "app.root", "code", "app.ro")));
        RunResult r = demo.run("write app.ro 0x1100000 00\nwrite app 0x1000000 90\ntask t1 app CONTROL\n"
                + "vm_write t1 0x1000000 90\ntask tr app READ");
        assertEquals(List.of("ZX_ERR_ACCESS_DENIED", "ZX_OK", "KERN_SUCCESS", "KERN_PROTECTION_FAILURE",
                "KERN_SUCCESS"), r.results().stream().map(CommandResult::statusName).toList());
        assertEquals(List.of("zx_process_write_memory", "zx_process_write_memory", "task_for_pid", "vm_write",
                "task_read_for_pid"), r.results().stream().map(CommandResult::call).toList());
    }
}
