package memscope.app.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import memscope.model.Kernel;
import memscope.model.Mach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layer rules: the app changes memory contents only through {@code Kernel.writeMemory} (so every edit obeys
 * zx_process_write_memory's rules and shows in the log), never touches VMO storage, and the model stays free of
 * JavaFX.
 */
class LayerRulesTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("memscope");
    }

    @Test
    void theAppWritesMemoryOnlyThroughWriteMemory() {
        ArchRule rule = noClasses().that().resideInAPackage("memscope.app..")
                .should().callMethod(Kernel.class, "vmoWrite", int.class, byte[].class, long.class, long.class)
                .orShould().callMethod(Mach.class, "vmWrite", int.class, long.class, byte[].class, long.class)
                .because("every edit must go through Kernel.writeMemory and its checks");
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
