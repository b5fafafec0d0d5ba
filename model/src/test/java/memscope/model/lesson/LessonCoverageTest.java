package memscope.model.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import memscope.model.KernelListener;
import memscope.model.Rule;
import memscope.model.SyscallRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bundled lessons together show every documented outcome of both seeds' write calls, the partial write, the
 * read call's WRITE right and the Zircon-versus-Mach contrast. Observed from the kernels' own SyscallRecords, so a
 * lesson that claims an outcome but does not produce it cannot count.
 */
class LessonCoverageTest {
    private static final Set<String> OBSERVED = new LinkedHashSet<>();
    private static final Set<String> PARTIAL = new LinkedHashSet<>();
    /** Each divergence between the fidelities a lesson showed, with the fidelity that decided it. */
    private static final Set<String> NOTES = new LinkedHashSet<>();

    @BeforeAll
    static void runEveryLesson() throws LessonException {
        for (String name : LessonLoader.bundled()) {
            Lesson lesson = LessonLoader.loadResource(name);
            WorldFactory watched = l -> {
                var world = ScenarioWorlds.bundled().create(l);
                world.kernel().subscribe(new KernelListener() {
                    @Override
                    public void syscallCompleted(SyscallRecord r) {
                        OBSERVED.add(r.name() + " " + r.resultName()
                                + (r.rule() == Rule.MISSING_RIGHTS ? " rights" : "")
                                + (r.rule() == Rule.VDSO_PROTECTED ? " vdso" : "")
                                + (r.rule() == Rule.PROCESS_DEAD ? " dead" : "")
                                + (r.rule() == Rule.NOT_CACHEABLE ? " uncached" : "")
                                + (r.ok() && r.requested() == 0 ? " empty" : ""));
                        if (r.fidelityNote() != null) {
                            NOTES.add(r.fidelityNote().divergence() + " " + r.fidelityNote().decided());
                        }
                        if (r.partial()) {
                            PARTIAL.add(r.name() + " " + r.rule());
                        }
                    }
                });
                return world;
            };
            try (LessonRunner runner = new LessonRunner(lesson, watched)) { // kills a lesson's child
                runner.runToEnd();
            }
        }
    }

    private static void assertShown(String... outcomes) {
        Set<String> missing = new TreeSet<>(List.of(outcomes));
        missing.removeAll(OBSERVED);
        assertEquals(Set.of(), missing, "observed: " + OBSERVED);
    }

    @Test
    void everyZirconWriteErrorIsShown() {
        String w = "zx_process_write_memory ";
        assertShown(w + "ZX_OK", w + "ZX_ERR_NOT_SUPPORTED", w + "ZX_ERR_INVALID_ARGS", w + "ZX_ERR_BAD_HANDLE",
                w + "ZX_ERR_WRONG_TYPE", w + "ZX_ERR_ACCESS_DENIED rights", w + "ZX_ERR_ACCESS_DENIED vdso",
                w + "ZX_ERR_BAD_STATE dead", w + "ZX_ERR_BAD_STATE uncached", w + "ZX_ERR_NOT_FOUND",
                w + "ZX_ERR_NO_MEMORY", w + "ZX_ERR_OUT_OF_RANGE");
    }

    @Test
    void whereTheDocumentationAndTodaysKernelsDifferBothAnswersAreShown() {
        assertShown("zx_process_read_memory ZX_ERR_NOT_FOUND dead", "zx_vmo_set_cache_policy ZX_ERR_BAD_STATE",
                "zx_vmar_map ZX_OK empty", "vm_write MACH_SEND_INVALID_MEMORY");
        Set<String> missing = new TreeSet<>(List.of("DEAD_PROCESS DOCUMENTED", "DEAD_PROCESS TODAY",
                "CACHE_POLICY_MAPPED TODAY", "MACH_SMALL_COPY DOCUMENTED", "MACH_SMALL_COPY TODAY"));
        missing.removeAll(NOTES);
        assertEquals(Set.of(), missing, "notes seen: " + NOTES);
    }

    @Test
    void vmProtectCopyLiftsALoweredMaximum() throws LessonException {
        List<LessonStep> steps = LessonLoader.loadResource("07-zircon-versus-mach.json").steps();
        int lowered = indexOf(steps, "vm_protect t1 0x1000000 0x1000 r-x max");
        int copy = indexOf(steps, "vm_protect t1 0x1000000 0x1000 rwx copy");
        assertTrue(lowered >= 0 && copy > lowered, "VM_PROT_COPY follows the lowered maximum");
        assertEquals("KERN_SUCCESS", steps.get(copy).expectStatus());
        assertEquals("KERN_SUCCESS", steps.get(copy + 1).expectStatus(), "and vm_write works again");
    }

    private static int indexOf(List<LessonStep> steps, String action) {
        for (int i = 0; i < steps.size(); i++) {
            if (action.equals(steps.get(i).action())) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void everyMachWriteOutcomeIsShown() {
        assertShown("vm_write KERN_SUCCESS", "vm_write KERN_SUCCESS empty", "vm_write MACH_SEND_INVALID_DEST",
                "vm_write KERN_INVALID_ARGUMENT", "vm_write KERN_INVALID_ADDRESS", "vm_write KERN_PROTECTION_FAILURE");
    }

    @Test
    void thePartialWriteIsShownAtAMappingEndAndAtAVmoEnd() {
        assertTrue(PARTIAL.contains("zx_process_write_memory CLIPPED_AT_MAPPING_END"), PARTIAL::toString);
        assertTrue(PARTIAL.contains("zx_process_write_memory CLIPPED_AT_VMO_END"), PARTIAL::toString);
    }

    @Test
    void theReadCallsWriteRightIsShown() {
        assertShown("zx_process_read_memory ZX_ERR_ACCESS_DENIED rights", "zx_process_read_memory ZX_OK");
    }

    @Test
    void theZirconVersusMachContrastIsOneLessonOnOnePage() throws LessonException {
        Lesson contrast = LessonLoader.loadResource("07-zircon-versus-mach.json");
        List<LessonStep> steps = contrast.steps();
        assertTrue(steps.stream().anyMatch(s -> "write p1 0x1000000 90 90".equals(s.action())
                && "ZX_OK".equals(s.expectStatus())));
        assertTrue(steps.stream().anyMatch(s -> "vm_write t1 0x1000000 cc cc".equals(s.action())
                && "KERN_PROTECTION_FAILURE".equals(s.expectStatus())));
    }
}
