package memscope.app.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javafx.scene.control.TreeItem;
import memscope.app.kernel.KernelSession;
import memscope.model.BootOptions;
import memscope.model.Kernel;
import memscope.model.KernelListener;
import memscope.model.MapEntry;
import memscope.model.ProcessResult;
import memscope.model.Status;
import memscope.model.StructureChange;
import memscope.model.VmOptions;
import memscope.model.scenario.LoadedScenario;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The tree updated in place equals the tree built afresh: after random maps, unmaps (whole, partial, across
 * mappings, of a sub-VMAR), protects, VMAR allocations, VMO and handle changes and a kill, the rows (processes,
 * VMARs, mappings with every field), their depth and their order are the same; every group's label matches its
 * rows. Groups themselves may split differently (an update keeps the user's groups), so they are compared by
 * what they hold.
 */
class TreeSyncTest {
    private static final int PAGE = Kernel.PAGE_SIZE;
    private static final int RW = VmOptions.PERM_READ | VmOptions.PERM_WRITE;

    private Kernel k;
    private ProcessResult a;
    private ProcessResult b;
    private final List<Integer> vmos = new ArrayList<>();
    private final List<Integer> vmars = new ArrayList<>();
    private final List<StructureChange> heard = new ArrayList<>();
    private MappingTreeBuilder builder;

    private void boot(int manyMappings) {
        k = Kernel.boot(BootOptions.defaults().withDebuggingSyscalls(true));
        a = k.processCreate("a");
        b = k.processCreate("b");
        for (int i = 0; i < 4; i++) {
            vmos.add(k.vmoCreate(8L * PAGE, 0).handle());
        }
        vmars.add(a.rootVmar());
        vmars.add(b.rootVmar());
        vmars.add(k.vmarAllocate(a.rootVmar(), VmOptions.CAN_MAP_READ | VmOptions.CAN_MAP_WRITE, 0, 256L * PAGE)
                .vmar());
        for (int i = 0; i < manyMappings; i++) {
            assertEquals(Status.OK, k.vmarMap(a.rootVmar(), RW, 0, vmos.get(0), 0, PAGE).status());
        }
        KernelSession session = new KernelSession(new LoadedScenario("t", "", k,
                Map.of("a", a.process(), "b", b.process()), "a", "a", 0, null, null));
        builder = new MappingTreeBuilder(session);
        k.subscribe(new KernelListener() {
            @Override
            public void structureChanged(StructureChange change) {
                heard.add(change);
            }
        });
    }

    @ParameterizedTest(name = "seed {0}, {1} mappings, compare every step: {2}")
    @CsvSource({"1, 20, true", "2, 20, true", "3, 1200, true", "4, 1200, false", "5, 990, true"})
    void theTreeUpdatedInPlaceEqualsAFreshOne(long seed, int many, boolean everyStep) {
        boot(many);
        Random random = new Random(seed);
        TreeItem<MappingRow> root = builder.build();
        TreeSync sync = new TreeSync(builder);
        int inPlace = 0;
        int steps = 300;
        for (int step = 0; step < steps; step++) {
            heard.clear();
            int calls = 1 + random.nextInt(3);
            for (int c = 0; c < calls; c++) {
                randomCall(random, step == steps - 40 && seed % 2 == 1);
            }
            if (random.nextInt(4) == 0) {
                openSomeGroup(root, random);
            }
            if (sync.apply(root, heard)) {
                inPlace++;
            } else {
                root = builder.build();
            }
            if (everyStep || step == steps - 1) {
                assertSameTree(builder.build(), root, "seed " + seed + " step " + step + " " + heard);
            }
        }
        assertTrue(inPlace > steps / 2, "most steps are applied in place: " + inPlace + " of " + steps);
    }

    private void randomCall(Random random, boolean kill) {
        if (kill) {
            assertEquals(Status.OK, k.taskKill(b.process()));
            return;
        }
        int vmar = vmars.get(random.nextInt(vmars.size()));
        int what = random.nextInt(20);
        if (what < 7) {
            k.vmarMap(vmar, random.nextBoolean() ? RW : VmOptions.PERM_READ, 0,
                    vmos.get(random.nextInt(vmos.size())), PAGE * random.nextInt(4), PAGE * (1 + random.nextInt(4)));
        } else if (what < 11) {
            pick(random, vmar).ifPresent(e -> k.vmarUnmap(vmar, e.base() + PAGE * random.nextInt(2),
                    PAGE * (1 + random.nextInt(5))));
        } else if (what < 15) {
            pick(random, vmar).ifPresent(e -> k.vmarProtect(vmar, random.nextBoolean() ? RW : VmOptions.PERM_READ,
                    e.base() + PAGE * random.nextInt(2), PAGE * (1 + random.nextInt(3))));
        } else if (what < 16) {
            var r = k.vmarAllocate(vmar, VmOptions.CAN_MAP_READ | VmOptions.CAN_MAP_WRITE, 0,
                    PAGE * (4 + random.nextInt(8)));
            if (r.status() == Status.OK) {
                vmars.add(r.vmar());
            }
        } else if (what < 17 && vmars.size() > 3) {
            // a sub-VMAR unmapped whole: it and everything in it go
            int sub = vmars.remove(3 + random.nextInt(vmars.size() - 3));
            k.inspector().vmarBase(sub).ifPresent(base -> k.vmarUnmap(a.rootVmar(), base, PAGE));
        } else if (what < 18) {
            vmos.add(k.vmoCreate(4L * PAGE, 0).handle());
        } else if (what < 19 && vmos.size() > 2) {
            k.handleClose(vmos.remove(vmos.size() - 1));
        } else {
            k.vmoSetCachePolicy(vmos.get(random.nextInt(vmos.size())), memscope.model.CachePolicy.UNCACHED);
        }
    }

    /** A mapping somewhere in the process of {@code vmar}, or empty. */
    private java.util.Optional<MapEntry> pick(Random random, int vmar) {
        int process = vmar == b.rootVmar() ? b.process() : a.process();
        List<MapEntry> maps = k.processMaps(process).entries().stream().filter(MapEntry::isMapping).toList();
        return maps.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(maps.get(random.nextInt(maps.size())));
    }

    private static void openSomeGroup(TreeItem<MappingRow> root, Random random) {
        for (TreeItem<MappingRow> process : root.getChildren()) {
            for (TreeItem<MappingRow> vmar : process.getChildren()) {
                List<TreeItem<MappingRow>> level = vmar.getChildren();
                if (!level.isEmpty() && level.get(0) instanceof GroupItem) {
                    level.get(random.nextInt(level.size())).getChildren();
                }
            }
        }
    }

    private static void assertSameTree(TreeItem<MappingRow> fresh, TreeItem<MappingRow> updated, String where) {
        List<MappingRow> expected = new ArrayList<>();
        List<MappingRow> actual = new ArrayList<>();
        rows(fresh, expected);
        rows(updated, actual);
        assertEquals(expected.size(), actual.size(), where + ": row count");
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), actual.get(i), where + ": row " + i);
        }
    }

    /** The rows under {@code item} in tree order, groups opened and checked, not listed. */
    private static void rows(TreeItem<MappingRow> item, List<MappingRow> out) {
        for (TreeItem<MappingRow> child : item.getChildren()) {
            if (child instanceof GroupItem g) {
                List<TreeItem<MappingRow>> in = g.getChildren();
                assertFalse(in.isEmpty(), "no empty group");
                assertTrue(in.size() <= MappingGroups.MAX, "a group stays small: " + in.size());
                assertEquals(MappingRow.group(in.get(0).getValue().processKoid(), in.get(0).getValue().depth(),
                        in.get(0).getValue().base(), in.get(in.size() - 1).getValue().end(), in.size()),
                        g.label(), "the group's label says what it holds");
            } else {
                out.add(child.getValue());
            }
            rows(child, out);
        }
    }

    @Test
    void aMapIntoAGroupedLevelKeepsEveryOtherRowAndMakesNoOtherGroup() {
        boot(5_000);
        TreeItem<MappingRow> root = builder.build();
        TreeItem<MappingRow> level = root.getChildren().get(0).getChildren().get(0);
        TreeItem<MappingRow> firstGroup = level.getChildren().get(0);
        TreeItem<MappingRow> firstRow = firstGroup.getChildren().get(0);
        heard.clear();
        long at = k.vmarMap(a.rootVmar(), RW, 0, vmos.get(1), 0, PAGE).address();
        assertTrue(new TreeSync(builder).apply(root, heard));
        assertTrue(firstGroup.getChildren().contains(firstRow), "rows already shown stay the same items");
        long made = level.getChildren().stream().filter(g -> ((GroupItem) g).made()).count();
        assertTrue(made <= 2, "only the group the mapping went into (and the one looked at) made its rows: " + made);
        assertSameTree(builder.build(), root, "after one map at 0x" + Long.toHexString(at));
    }
}
