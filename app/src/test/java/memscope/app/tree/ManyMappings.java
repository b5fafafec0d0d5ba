package memscope.app.tree;

import java.util.Map;
import memscope.app.kernel.KernelSession;
import memscope.model.BootOptions;
import memscope.model.HandleResult;
import memscope.model.Kernel;
import memscope.model.ProcessResult;
import memscope.model.VmOptions;
import memscope.model.scenario.LoadedScenario;

/** A session whose process "many" maps one page-sized VMO {@code count} times: every row [shared], levels grouped. */
final class ManyMappings {
    private ManyMappings() {
    }

    static KernelSession session(int count) {
        Kernel k = Kernel.boot(BootOptions.defaults().withDebuggingSyscalls(true));
        ProcessResult p = k.processCreate("many");
        HandleResult vmo = k.vmoCreate(Kernel.PAGE_SIZE, 0);
        for (int i = 0; i < count; i++) {
            k.vmarMap(p.rootVmar(), VmOptions.PERM_READ, 0, vmo.handle(), 0, Kernel.PAGE_SIZE);
        }
        return new KernelSession(new LoadedScenario("t", "", k, Map.of("many", p.process()), "many", "many", 0,
                null, null));
    }
}
