package memscope.model;

/** Something other than memory contents changed: which kind of thing, and the koid of the object concerned. */
public record StructureChange(Kind kind, long koid) {
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
}
