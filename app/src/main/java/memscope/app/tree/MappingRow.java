package memscope.app.tree;

import memscope.model.CachePolicy;

/**
 * One row of the mapping tree: a process, a VMAR, a mapping, or a group of a VMAR's consecutive children (see
 * {@link MappingGroups}). VMO fields are meaningful for mappings only; {@code count} for groups only.
 */
public record MappingRow(Kind kind, long processKoid, String name, int depth, long base, long size, int perms,
                         long vmoKoid, String vmoName, long vmoOffset, CachePolicy cachePolicy, boolean vdso,
                         boolean shared, boolean dead, int count) {
    public enum Kind { PROCESS, VMAR, MAPPING, GROUP }

    public MappingRow(Kind kind, long processKoid, String name, int depth, long base, long size, int perms,
                      long vmoKoid, String vmoName, long vmoOffset, CachePolicy cachePolicy, boolean vdso,
                      boolean shared, boolean dead) {
        this(kind, processKoid, name, depth, base, size, perms, vmoKoid, vmoName, vmoOffset, cachePolicy, vdso,
                shared, dead, 0);
    }

    public static MappingRow process(long koid, String name, boolean dead) {
        return new MappingRow(Kind.PROCESS, koid, name, -1, 0, 0, 0, 0, "", 0, null, false, false, dead);
    }

    /** {@code count} consecutive rows at {@code depth} covering {@code [base, end)}. */
    public static MappingRow group(long processKoid, int depth, long base, long end, int count) {
        return new MappingRow(Kind.GROUP, processKoid, "", depth, base, end - base, 0, 0, "", 0, null, false, false,
                false, count);
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
