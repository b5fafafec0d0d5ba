package memscope.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A VMO's threaded list of mappings against the {@code LinkedHashSet} it replaced: after any sequence of adds and
 * removes (repeated ones too, and removes of mappings of another VMO), the same members in the same order.
 */
class VmoMappingsProperties {
    private static final int POOL = 12;

    @Provide
    Arbitrary<List<Integer>> ops() {
        // 0..POOL-1: add mapping i; POOL..2*POOL-1: remove mapping i-POOL; 2*POOL: remove another VMO's mapping
        return Arbitraries.integers().between(0, 2 * POOL).list().ofMaxSize(120);
    }

    @Property(tries = 500)
    void keepsTheMembersAndOrderOfAnInsertionOrderedSet(@ForAll("ops") List<Integer> ops) {
        VmObject vmo = new VmObject(1, "v", 16 * Kernel.PAGE_SIZE, false, false, null);
        VmObject other = new VmObject(2, "w", Kernel.PAGE_SIZE, false, false, null);
        List<VmMapping> pool = new ArrayList<>();
        for (int i = 0; i < POOL; i++) {
            pool.add(new VmMapping(null, i * (long) Kernel.PAGE_SIZE, Kernel.PAGE_SIZE, vmo, 0, 1, 7, false));
        }
        VmMapping stranger = new VmMapping(null, 0, Kernel.PAGE_SIZE, other, 0, 1, 7, false);
        other.addMapping(stranger);
        LinkedHashSet<VmMapping> model = new LinkedHashSet<>();
        for (int op : ops) {
            if (op < POOL) {
                VmMapping m = pool.get(op);
                assertEquals(model.add(m), vmo.mappings().add(m));
            } else if (op < 2 * POOL) {
                VmMapping m = pool.get(op - POOL);
                assertEquals(model.remove(m), vmo.mappings().remove(m));
            } else {
                assertFalse(vmo.mappings().remove(stranger), "another VMO's mapping is not ours to remove");
                assertTrue(other.mappings().contains(stranger));
            }
            assertEquals(new ArrayList<>(model), new ArrayList<>(vmo.mappings()));
            assertEquals(model.size(), vmo.mappings().size());
            assertEquals(model.isEmpty(), vmo.mappings().isEmpty());
            for (VmMapping m : pool) {
                assertEquals(model.contains(m), vmo.mappings().contains(m));
            }
        }
        assertEquals(List.of(stranger), new ArrayList<>(other.mappings()));
    }
}
