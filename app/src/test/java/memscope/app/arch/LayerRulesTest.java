package memscope.app.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import memscope.app.edit.MachWritePath;
import memscope.app.edit.ZirconWritePath;
import memscope.model.Kernel;
import memscope.model.Mach;
import memscope.model.linux.LinuxWritePath;
import memscope.model.linux.LinuxWrites;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layer rules: the app changes memory contents only through {@code Kernel.writeMemory} or {@code Mach.vmWrite}
 * (so every edit obeys zx_process_write_memory's or vm_write's rules and shows in the log), never touches VMO
 * storage, and the model stays free of JavaFX.
 */
class LayerRulesTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("memscope");
    }

    @Test
    void theAppChangesMemoryOnlyThroughWriteMemoryOrVmWrite() {
        // vmoWrite is the one public call that changes contents behind both personalities' checks
        ArchRule rule = noClasses().that().resideInAPackage("memscope.app..")
                .should().callMethod(Kernel.class, "vmoWrite", int.class, byte[].class, long.class, long.class)
                .because("every edit must go through Kernel.writeMemory or Mach.vmWrite and their checks");
        rule.check(classes);
    }

    @Test
    void vmWriteIsCalledOnlyByTheEditorsMachWritePath() {
        // Mach writes are edits: they must come through the Editor (undo, status, log), never from a side door
        ArchRule rule = noClasses().that().resideInAPackage("memscope.app..")
                .and().doNotHaveFullyQualifiedName(MachWritePath.class.getName())
                .should().callMethod(Mach.class, "vmWrite", int.class, long.class, byte[].class, long.class)
                .because("the Editor's Mach write path is the one place edits become vm_write calls");
        rule.check(classes);
    }

    @Test
    void writeMemoryIsCalledOnlyByTheEditorsZirconWritePath() {
        // the same for Zircon: one edit path, so paste, fill, typing and undo all get undo, status and log
        ArchRule rule = noClasses().that().resideInAPackage("memscope.app..")
                .and().doNotHaveFullyQualifiedName(ZirconWritePath.class.getName())
                .should().callMethod(Kernel.class, "writeMemory", int.class, long.class, byte[].class, long.class)
                .because("the Editor's Zircon write path is the one place edits become zx_process_write_memory");
        rule.check(classes);
    }

    @Test
    void onlyTheWriteThroughTheUserTurnedOnWritesIntoALiveProcess() {
        // a real process is written only by the editor's write-through, and only while the user has it on
        ArchRule rule = noClasses().that().resideInAPackage("memscope.app..")
                .and().doNotHaveFullyQualifiedName("memscope.app.live.LiveWriteThrough")
                .should().callMethod(LinuxWrites.class, "write", LinuxWritePath.class, long.class, byte[].class,
                        int.class)
                .because("edits reach a live process only through the switch the user turned on");
        rule.check(classes);
    }

    @Test
    void theAppNeverTouchesVmoStorageOrKernelInternals() {
        ArchRule rule = noClasses().that().resideInAPackage("memscope.app..")
                .should().dependOnClassesThat().haveFullyQualifiedName("memscope.model.VmObject")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("memscope.model.PageStore")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("memscope.model.VmMapping")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("memscope.model.VmAddressRegion")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("memscope.model.KernelState")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("memscope.model.ProcessMemory")
                .because("VMO contents change only inside the kernel, behind its syscalls");
        rule.check(classes);
    }

    @Test
    void theHexControlSeesOnlyItsReadInterfaceNeverTheModel() {
        ArchRule rule = noClasses().that().resideInAPackage("memscope.app.hex..")
                .should().dependOnClassesThat().resideInAPackage("memscope.model..")
                .because("the hex view reads only a ByteSource; documents turn kernels into one");
        rule.check(classes);
    }

    @Test
    void theModelDoesNotDependOnJavaFx() {
        ArchRule rule = noClasses().that().resideInAPackage("memscope.model..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .because("the model is plain Java, usable without a UI");
        rule.check(classes);
    }

    @Test
    void theRulesSeeBothModules() {
        // a rule over zero classes passes vacuously: make sure both layers were actually imported
        if (!classes.containPackage("memscope.app.kernel") || !classes.containPackage("memscope.model")) {
            throw new AssertionError("the layer rules did not import the app and model classes");
        }
    }
}
