package memscope.app.tree;

import memscope.model.CachePolicy;

/**
 * One row of the mapping tree: a process, a VMAR or a mapping. VMO fields are meaningful for mappings only.
 */
public record MappingRow(Kind kind, long processKoid, String name, int depth, long base, long size, int perms,
                         long vmoKoid, String vmoName, long vmoOffset, CachePolicy cachePolicy, boolean vdso,
                         boolean shared, boolean dead) {
    public enum Kind { PROCESS, VMAR, MAPPING }

    public static MappingRow process(long koid, String name, boolean dead) {
        return new MappingRow(Kind.PROCESS, koid, name, -1, 0, 0, 0, 0, "", 0, null, false, false, dead);
    }

    public long end() {
        return base + size;
    }

    /** Stays the same across rebuilds while the thing it names exists: keeps selection and expansion. */
    public String key() {
        return kind + ":" + processKoid + ":" + depth + ":" + Long.toHexString(base)
                + (kind == Kind.MAPPING ? ":" + vmoKoid : "");
    }
}
