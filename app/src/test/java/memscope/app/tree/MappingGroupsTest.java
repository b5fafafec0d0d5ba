package memscope.app.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import javafx.scene.control.TreeItem;
import memscope.app.kernel.KernelSession;
import memscope.model.BootOptions;
import memscope.model.HandleResult;
import memscope.model.Kernel;
import memscope.model.ProcessResult;
import memscope.model.Status;
import memscope.model.VmOptions;
import memscope.model.scenario.LoadedScenario;
import org.junit.jupiter.api.Test;

/**
 * A VMAR with thousands of mappings shows them in groups of 500 consecutive rows (JavaFX walks a level's children
 * to find a row, so a flat level of 100,000 made every scroll slow); a small one shows them as they are.
 */
class MappingGroupsTest {
    private static TreeItem<MappingRow> processWith(int mappings) {
        Kernel k = Kernel.boot(BootOptions.defaults().withDebuggingSyscalls(true));
        ProcessResult p = k.processCreate("many");
        HandleResult vmo = k.vmoCreate(Kernel.PAGE_SIZE, 0);
        for (int i = 0; i < mappings; i++) {
            assertEquals(Status.OK, k.vmarMap(p.rootVmar(), VmOptions.PERM_READ, 0, vmo.handle(), 0,
                    Kernel.PAGE_SIZE).status());
        }
        KernelSession session = new KernelSession(new LoadedScenario("t", "", k, Map.of("many", p.process()),
                "many", "many", 0));
        return new MappingTreeBuilder(session).build().getChildren().get(0);
    }

    /** The root VMAR's row, under which the mappings are. */
    private static TreeItem<MappingRow> rootVmar(TreeItem<MappingRow> process) {
        assertEquals(MappingRow.Kind.VMAR, process.getChildren().get(0).getValue().kind());
        return process.getChildren().get(0);
    }

    /** The mappings under {@code item}, in tree order, groups opened. */
    private static void mappings(TreeItem<MappingRow> item, List<MappingRow> out) {
        for (TreeItem<MappingRow> child : item.getChildren()) {
            if (child.getValue().kind() == MappingRow.Kind.MAPPING) {
                out.add(child.getValue());
            }
            mappings(child, out);
        }
    }

    @Test
    void thousandsOfMappingsComeInGroupsOfFiveHundredThatCoverThem() {
        TreeItem<MappingRow> process = processWith(2_300);
        List<TreeItem<MappingRow>> level = rootVmar(process).getChildren();
        // the vDSO and 2,300 mappings: 2,301 rows in groups of 500
        assertEquals(5, level.size());
        long previousEnd = 0;
        int total = 0;
        for (TreeItem<MappingRow> group : level) {
            MappingRow g = group.getValue();
            assertEquals(MappingRow.Kind.GROUP, g.kind());
            assertEquals(group.getChildren().size(), g.count());
            assertTrue(g.count() <= MappingGroups.SIZE);
            assertEquals(group.getChildren().get(0).getValue().base(), g.base());
            assertEquals(group.getChildren().get(g.count() - 1).getValue().end(), g.end());
            assertTrue(g.base() >= previousEnd, "groups are in address order and do not overlap");
            previousEnd = g.end();
            total += g.count();
        }
        assertEquals(2_301, total);
        List<MappingRow> rows = new java.util.ArrayList<>();
        mappings(process, rows);
        assertEquals(2_301, rows.size(), "every mapping (and the vDSO) is still in the tree");
    }

    @Test
    void aFewMappingsAreNotGrouped() {
        TreeItem<MappingRow> process = processWith(MappingGroups.THRESHOLD - 1);
        assertEquals(MappingGroups.THRESHOLD, rootVmar(process).getChildren().size());
        assertTrue(rootVmar(process).getChildren().stream().noneMatch(c -> c.getValue().kind() == MappingRow.Kind.GROUP));
    }
}
