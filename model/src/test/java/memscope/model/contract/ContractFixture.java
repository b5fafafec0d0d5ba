package memscope.model.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import memscope.model.BootOptions;
import memscope.model.Kernel;
import memscope.model.MapEntry;
import memscope.model.ProcessResult;
import memscope.model.Status;
import memscope.model.VmOptions;

/** A process with one read-write page mapped, through the public API only, and the contract tests' helpers. */
final class ContractFixture {
    static final int PAGE = Kernel.PAGE_SIZE;

    final Kernel kernel;
    final int process;
    final int rootVmar;
    final int vmo;
    final long address;

    ContractFixture(BootOptions options) {
        kernel = Kernel.boot(options);
        ProcessResult p = kernel.processCreate("contract");
        assertEquals(Status.OK, p.status());
        process = p.process();
        rootVmar = p.rootVmar();
        vmo = kernel.vmoCreate(PAGE, 0).handle();
        address = kernel.vmarMap(rootVmar, VmOptions.PERM_READ | VmOptions.PERM_WRITE, 0, vmo, 0, PAGE).address();
        // without SPECIFIC the kernel picks a free place inside the root VMAR
        assertTrue(address >= 0x1000000L && address + PAGE <= (1L << 47), Long.toHexString(address));
    }

    /** Exactly this method: reflection, because a widened parameter or a narrower return type would still compile. */
    static void assertSignature(Class<?> owner, boolean isStatic, String name, Class<?> returns,
                                Class<?>... parameters) throws NoSuchMethodException {
        Method m = owner.getMethod(name, parameters);
        String what = owner.getSimpleName() + "." + name + Arrays.toString(parameters);
        assertEquals(returns, m.getReturnType(), what + " returns");
        assertEquals(isStatic, Modifier.isStatic(m.getModifiers()), what + " is static");
        assertTrue(Modifier.isPublic(m.getModifiers()), what + " is public");
    }

    /** The mapping containing {@code address}, as {@code processMaps} lists it. */
    static MapEntry entryAt(Kernel kernel, int process, long address) {
        return kernel.processMaps(process).entries().stream()
                .filter(e -> e.isMapping() && e.base() <= address && address < e.base() + e.size())
                .findFirst().orElseThrow();
    }
}
