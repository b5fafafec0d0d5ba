package memscope.app.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The command line runs with no display: nothing in it reaches JavaFX, directly or through the window's classes. */
class CliLayerTest {
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("memscope.app.cli");

    @Test
    void theCommandLineDoesNotDependOnJavaFx() {
        noClasses().that().resideInAPackage("memscope.app.cli..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .because("memscope run, lesson check and maps must work without a display")
                .check(classes);
    }

    @Test
    void theCommandLineUsesNoWindowClasses() {
        // a window class may load JavaFX when used (Messages binds to properties): the CLI keeps to its own
        noClasses().that().resideInAPackage("memscope.app.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("memscope.app", "memscope.app.console..",
                        "memscope.app.status..", "memscope.app.kernel..", "memscope.app.lesson..")
                .because("the window's classes come with JavaFX")
                .check(classes);
    }
}
