package memscope.model;

/**
 * Puts a private snapshot ({@link MachCopy}) in place of a mapping: a new mapping of the same range, protection
 * and (given) maximum shows the copy, so writes through it no longer reach the original VMO or its other mappings.
 * Used by Mach's VM_PROT_COPY and by today's Zircon for a debugger write into a mapping that can never be writable.
 */
final class PrivateClone {
    private PrivateClone() {
    }

    /** Installs {@code copy} (made by {@link MachCopy#snapshot}) in place of {@code m}; returns the new mapping. */
    static VmMapping install(KernelState k, VmMapping m, VmObject copy, int maxPerms, Changes changes) {
        k.objects.add(copy);
        VmMapping replacement = new VmMapping(m.parent, m.base(), m.size(), copy, 0, m.perms(), maxPerms, false);
        m.parent.unmap(m);
        m.parent.insert(replacement);
        copy.addMapping(replacement);
        changes.structure(StructureChange.Kind.VMO, copy.koid);
        changes.structure(StructureChange.Kind.MAPPING, m.parent.process.koid);
        return replacement;
    }
}
