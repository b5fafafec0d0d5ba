package memscope.model;

/**
 * Something other than memory contents changed: which kind of thing, and the koid of the object concerned. A
 * change to one VMAR's children (map, unmap, protect, allocate) also names the {@link Region} it touched,
 * so that a view can re-read that range instead of the whole address space; other changes have a null region.
 */
public record StructureChange(Kind kind, long koid, Region region) {
    public enum Kind {
        /** A process was created or died, or was renamed. */
        PROCESS,
        /** A VMAR was allocated or destroyed. */
        VMAR,
        /** A mapping was added, removed, split or re-protected; koid is the process's. */
        MAPPING,
        /** A VMO was created, resized, renamed, or its cache policy changed. */
        VMO,
        /** A handle was created, duplicated, replaced or closed; koid is the object's. */
        HANDLE,
        /** The boot options changed; koid is 0. */
        BOOT_OPTIONS
    }

    /** What happened to the children of a VMAR. */
    public enum What { MAPPED, UNMAPPED, PROTECTED, ALLOCATED }

    /**
     * The children of the VMAR at {@code vmarDepth}/{@code vmarBase} in process {@code processKoid} changed within
     * {@code [base, end)}: that range covers every region the call touched, as it was before and as it is after
     * (a mapping split by unmap or protect is covered whole). Outside it nothing in the process changed.
     */
    public record Region(What what, long processKoid, int vmarDepth, long vmarBase, long base, long end) {
    }

    /** A change that names no region. */
    public StructureChange(Kind kind, long koid) {
        this(kind, koid, null);
    }

    /** The same change without its region: what history keeps and sessions store. */
    public StructureChange withoutRegion() {
        return region == null ? this : new StructureChange(kind, koid);
    }
}
