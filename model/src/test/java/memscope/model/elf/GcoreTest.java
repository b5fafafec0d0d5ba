package memscope.model.elf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import memscope.model.BootOptions;
import memscope.model.IoResult;
import memscope.model.Kernel;
import memscope.model.MapEntry;
import memscope.model.Status;
import memscope.model.VmOptions;
import memscope.model.linux.ChildAsleep;

/** A real core, made by gdb's gcore of a live {@code sleep}, opens with the mappings the child really had. */
class GcoreTest {
    @TempDir
    Path dir;

    @Test
    void aGcoreOfSleepHasTheChildsMappings() throws Exception {
        Assumptions.assumeTrue(ExternalTools.installed("gcore") && ExternalTools.installed("sleep"), "gcore installed");
        Process child = new ProcessBuilder("sleep", "300").start(); // outlives a slow gdb; destroyed below
        try {
            Path mapsFile = Path.of("/proc/" + child.pid() + "/maps");
            // until sleep sleeps: the loader has then finished mapping libraries and re-protecting RELRO (libc in
            // the maps, or the maps equal across two looks, come earlier on a loaded machine)
            ChildAsleep.await(child);
            Path prefix = dir.resolve("core");
            ExternalTools.Run gcore = ExternalTools.run("gcore", "-o", prefix.toString(), String.valueOf(child.pid()));
            // sleep is blocked in nanosleep: its maps now are the ones the core was made from
            List<String> live = Files.readAllLines(mapsFile);
            Path core = Path.of(prefix + "." + child.pid());
            Assumptions.assumeTrue(gcore.exit() == 0 && Files.isRegularFile(core), "gcore could attach: "
                    + gcore.output());
            Map<Long, String[]> maps = new HashMap<>();
            for (String line : live) {
                String[] f = line.trim().split("\\s+");
                String[] range = f[0].split("-");
                maps.put(Long.parseUnsignedLong(range[0], 16), new String[] {range[1], f[1],
                        f.length > 5 ? f[5] : ""});
            }
            Kernel kernel = Kernel.boot(BootOptions.defaults().withDebuggingSyscalls(true));
            try (LoadedCore c = CoreFiles.open(kernel, core)) {
                assertTrue(c.segments().size() >= 5, "segments: " + c.segments());
                for (CoreSegment s : c.segments()) {
                    String[] m = maps.get(s.base());
                    assertTrue(m != null, "no live mapping starts at 0x" + Long.toHexString(s.base()));
                    assertEquals(Long.parseUnsignedLong(m[0], 16), s.end(), "end of 0x" + Long.toHexString(s.base()));
                    assertEquals(m[1].substring(0, 3), VmOptions.permString(s.perms()),
                            "permissions of 0x" + Long.toHexString(s.base()));
                    if (m[2].startsWith("/") && c.files().stream().anyMatch(f -> f.start() == s.base())) {
                        assertTrue(m[2].endsWith(s.name().replace("…", "")), s.name() + " vs " + m[2]);
                    }
                }
                // the mappings the kernel holds are these, and the stack's bytes read
                List<MapEntry> mapped = kernel.processMaps(c.processHandle()).entries();
                for (CoreSegment s : c.segments()) {
                    assertTrue(mapped.stream().anyMatch(e -> e.isMapping() && e.base() == s.base()
                            && e.base() + e.size() == s.end() && e.permissions() == s.perms()));
                }
                CoreSegment stack = c.segments().stream()
                        .filter(s -> "[stack]".equals(maps.get(s.base())[2])).findFirst().orElseThrow();
                byte[] b = new byte[4096];
                assertEquals(new IoResult(Status.OK, 4096),
                        kernel.readMemory(c.processHandle(), stack.end() - 4096, b, 4096));
                assertEquals("sleep", c.programName().orElseThrow());
                // Linux's [vsyscall] page lies outside the user address space: listed, not mapped
                assertTrue(c.omitted().stream().allMatch(o -> o.vaddr() == 0xffffffffff600000L
                        || Long.compareUnsigned(o.vaddr(), Kernel.USER_ASPACE_BASE) < 0), c.omitted().toString());
            }
        } finally {
            child.destroy();
            child.waitFor();
        }
    }
}
