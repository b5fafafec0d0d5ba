package memscope.app.arch;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The app's layers, by package pattern so that a new package falls under a rule without editing this list: any
 * package under {@code memscope.app} that is not one of the lower layers named here is a feature.
 * <pre>
 *   Window      memscope.app (the main window, the application, menus)       uses everything below; used by none
 *   Features    memscope.app.* not named below (find, inspector, files, ...) use Document and below, and each other
 *   Document    memscope.app.document                                        uses Editing, Kernel, Controls
 *   Editing     memscope.app.edit (the one write path, undo)              uses Kernel, Controls
 *   Kernel      memscope.app.kernel (the session, the FX-thread adapter)     uses the model only
 *   Controls    memscope.app.hex (the hex control)                           uses Foundation only, never the model
 *   Foundation  memscope.app.text and the bundles (Messages, DialogButtons)   uses the model's Text
 * </pre>
 * Features install themselves through the small interfaces of {@code hooks} (documents, status, menu slots,
 * bars and panels, document views), which the window implements as {@code hooks.WindowHooks}: no feature names the
 * window's classes, and nothing below Features knows the window or any feature.
 */
class LayeredArchitectureTest {
    private static final String APP = "memscope.app";
    private static final String[] LOWER = {APP + ".document..", APP + ".edit..", APP + ".kernel..", APP + ".hex..",
            APP + ".text.."};
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("memscope");
    }

    /** The shared bundle access and dialog words live in the root package for history's sake; they are Foundation. */
    private static final DescribedPredicate<JavaClass> FOUNDATION_IN_ROOT = DescribedPredicate.describe(
            "the bundle classes of " + APP, c -> c.getPackageName().equals(APP)
                    && (c.getName().startsWith(APP + ".Messages") || c.getName().startsWith(APP + ".DialogButtons")));

    private static final DescribedPredicate<JavaClass> WINDOW = DescribedPredicate.describe("the window (" + APP + ")",
            c -> c.getPackageName().equals(APP) && !FOUNDATION_IN_ROOT.test(c));

    private static final DescribedPredicate<JavaClass> FEATURES = resideInAPackage(APP + ".*..")
            .and(not(resideInAnyPackage(LOWER))).as("any other package under " + APP);

    private static LayeredArchitecture layers() {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Window").definedBy(WINDOW)
                .layer("Features").definedBy(FEATURES)
                .layer("Document").definedBy(APP + ".document..")
                .layer("Editing").definedBy(APP + ".edit..")
                .layer("Kernel").definedBy(APP + ".kernel..")
                .layer("Controls").definedBy(APP + ".hex..")
                .layer("Foundation").definedBy(resideInAPackage(APP + ".text..").or(FOUNDATION_IN_ROOT)
                        .as("text and the bundle classes"))
                .layer("Model").definedBy("memscope.model..");
    }

    @Test
    void eachLayerUsesOnlyTheLayersBelowIt() {
        layers()
                .whereLayer("Window").mayNotBeAccessedByAnyLayer()
                .whereLayer("Features").mayOnlyBeAccessedByLayers("Window", "Features")
                .whereLayer("Document").mayOnlyBeAccessedByLayers("Window", "Features")
                .whereLayer("Editing").mayOnlyBeAccessedByLayers("Document", "Features", "Window")
                .whereLayer("Kernel").mayOnlyBeAccessedByLayers("Editing", "Document", "Features", "Window")
                .whereLayer("Controls").mayOnlyBeAccessedByLayers("Editing", "Document", "Features", "Window")
                .because("a lower layer never reaches up: features know the window only as WindowHooks, the document"
                        + " knows no feature, the hex control no kernel")
                .check(classes);
    }

    @Test
    void theLowerLayersUseOnlyWhatIsBelowThem() {
        layers()
                .whereLayer("Document").mayOnlyAccessLayers("Editing", "Kernel", "Controls", "Foundation", "Model")
                .whereLayer("Editing").mayOnlyAccessLayers("Kernel", "Controls", "Foundation", "Model")
                .whereLayer("Kernel").mayOnlyAccessLayers("Foundation", "Model")
                .whereLayer("Controls").mayOnlyAccessLayers("Foundation")
                .whereLayer("Foundation").mayOnlyAccessLayers("Model")
                .whereLayer("Model").mayNotAccessAnyLayer()
                .because("each layer is usable and testable without the ones above it")
                .check(classes);
    }

    /**
     * Features ask for the small hook they need: the window's whole face, {@code WindowHooks}, only joins them
     * (no method of its own), and no hook grows into another catch-all.
     */
    @Test
    void theWindowHooksAreSmallInterfacesJoinedByOne() {
        JavaClass whole = classes.get(APP + ".hooks.WindowHooks");
        if (!whole.getMethods().isEmpty()) {
            throw new AssertionError("WindowHooks declares " + whole.getMethods() + "; put it in a small hook");
        }
        if (whole.getRawInterfaces().size() < 5) {
            throw new AssertionError("WindowHooks joins " + whole.getRawInterfaces());
        }
        for (JavaClass hook : whole.getRawInterfaces()) {
            long abstractMethods = hook.getMethods().stream()
                    .filter(m -> m.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.ABSTRACT))
                    .count();
            if (abstractMethods > 7) {
                throw new AssertionError(hook.getName() + " asks " + abstractMethods + " methods of the window");
            }
        }
    }

    @Test
    void aNewPackageIsAFeatureWithoutEditingTheList() {
        // the feature packages of today all fall under the catch-all pattern, so tomorrow's do too
        for (String pkg : new String[] {"find", "inspector", "clipboard", "hooks", "bookmarks", "files", "tree",
                "status", "console",
                "lesson", "controls", "layout", "help"}) {
            JavaClass any = classes.stream().filter(c -> c.getPackageName().equals(APP + "." + pkg)).findFirst()
                    .orElseThrow(() -> new AssertionError("no class imported from " + APP + "." + pkg));
            if (!FEATURES.test(any)) {
                throw new AssertionError(any.getName() + " is not under the Features layer");
            }
        }
    }
}
