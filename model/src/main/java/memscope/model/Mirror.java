package memscope.model;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The kernel side of address spaces that live outside it (obtained with {@link Kernel#mirror()}): a process made
 * with {@link Kernel#processCreate(String, AddressSpaceLayout)} whose mappings follow a real process's. These are
 * not syscalls: the outside world changed, so they leave no record in the syscall log; listeners hear the
 * {@link StructureChange}s and {@link MemoryChange}s as usual. Each call is all or nothing: a refused call returns
 * its status and changes nothing. Thread-safe.
 */
public final class Mirror {
    private static final int ALL_PERMS = VmOptions.PERMS;

    private final KernelState k;

    Mirror(KernelState k) {
        this.k = k;
    }

    /**
     * Unmaps the mappings that start at {@code unmapBases}, then maps {@code regions}, in one step. Refusals,
     * first failure wins: a process handle that is bad, of another type or without WRITE (as for any syscall);
     * a dead process ({@code ERR_BAD_STATE}); a base where no mapping starts ({@code ERR_NOT_FOUND}); a region
     * that is not page-aligned, is empty, has bits other than PERM_*, has no source or lies outside the root VMAR
     * ({@code ERR_INVALID_ARGS}); regions that overlap each other or a mapping that stays
     * ({@code ERR_ALREADY_EXISTS}). Permanent (vDSO-like) mirrored mappings may be unmapped here.
     */
    public Status update(int process, Collection<Long> unmapBases, List<MirroredRegion> regions) {
        return locked("mirror_update", changes -> {
            VmAddressRegion root = liveRoot(process);
            Set<VmMapping> leaving = new HashSet<>();
            for (Long base : unmapBases) {
                VmMapping m = base == null ? null : root.findMapping(base);
                KernelState.require(m != null && m.base() == base, Status.ERR_NOT_FOUND);
                leaving.add(m);
            }
            List<MirroredRegion> sorted = new ArrayList<>(regions);
            sorted.sort(Comparator.comparingLong(MirroredRegion::base));
            long previousEnd = Long.MIN_VALUE;
            for (MirroredRegion r : sorted) {
                KernelState.require(validRegion(root, r), Status.ERR_INVALID_ARGS);
                KernelState.require(r.base() >= previousEnd, Status.ERR_ALREADY_EXISTS);
                for (VmRegion child : root.childrenOverlapping(r.base(), r.end())) {
                    KernelState.require(child instanceof VmMapping m && leaving.contains(m), Status.ERR_ALREADY_EXISTS);
                }
                previousEnd = r.end();
            }
            for (VmMapping m : leaving) {
                m.parent.unmap(m);
            }
            for (MirroredRegion r : sorted) {
                VmObject vmo = k.objects.add(new VmObject(k.newKoid(), r.name(), r.size(), false, r.vdso(),
                        r.source()));
                int max = r.vdso() ? r.perms() : ALL_PERMS;
                VmMapping m = new VmMapping(root, r.base(), r.size(), vmo, 0, r.perms(), max, r.vdso());
                root.insert(m);
                vmo.addMapping(m);
            }
            changes.structure(StructureChange.Kind.MAPPING, root.process.koid);
            return Status.OK;
        });
    }

    /**
     * The bytes at {@code [address, address + length)} changed outside the kernel (the live process wrote them):
     * where the kernel holds pages written over that range, those bytes take the page source's new contents
     * (bytes written elsewhere on the page stay); listeners hear a {@link MemoryChange} for each VMO concerned.
     * Holes in the range are skipped. Refused: a bad handle, a dead process ({@code ERR_BAD_STATE}), a negative
     * or wrapping range ({@code ERR_INVALID_ARGS}).
     */
    public Status sourceChanged(int process, long address, long length) {
        return locked("mirror_source_changed", changes -> {
            VmAddressRegion root = liveRoot(process);
            KernelState.require(length >= 0 && address + length >= address, Status.ERR_INVALID_ARGS);
            if (length == 0) {
                return Status.OK;
            }
            long end = address + length;
            for (VmMapping m : root.mappingsOverlapping(address, end)) {
                long from = Math.max(address, m.base());
                long to = Math.min(end, m.end());
                long offset = m.vmoOffsetOf(from);
                long n = Math.min(to - from, m.vmo.size() - offset);
                if (n > 0) {
                    changes.willWrite(m.vmo, offset, n);
                    m.vmo.pages().refreshFromSource(offset, n);
                    changes.memory(m.vmo.koid, offset, n);
                }
            }
            return Status.OK;
        });
    }

    /**
     * The outside process is gone: the kernel's process becomes dead as {@code zx_task_kill} would make it (no
     * address space), without a syscall record. A process already dead stays so ({@code OK}).
     */
    public Status exited(int process) {
        return locked("mirror_exited", changes -> {
            ProcessObject p = k.process(process, Rights.WRITE);
            if (p.alive()) {
                p.kill();
                changes.structure(StructureChange.Kind.PROCESS, p.koid);
                changes.structure(StructureChange.Kind.MAPPING, p.koid);
            }
            return Status.OK;
        });
    }

    /**
     * Tells listeners about a call made on the live process itself (for example {@code process_vm_writev}), so
     * that the syscall log shows it beside the simulated calls: numbered in the same sequence, with an
     * {@link Errno} in place of a status. Returns the record (sequence 0 when nobody listens).
     */
    public SyscallRecord record(String name, String arguments, Errno errno, long requested, long actual, Rule rule,
                                long ruleAddress) {
        return record(name, arguments, errno, requested, actual, rule, ruleAddress, 0);
    }

    /** As above, the record naming the simulated process {@code processKoid} whose addresses it is about. */
    public SyscallRecord record(String name, String arguments, Errno errno, long requested, long actual, Rule rule,
                                long ruleAddress, long processKoid) {
        long sequence;
        k.lock.writeLock().lock();
        try {
            sequence = k.bus.active() ? k.bus.nextSequence() : 0;
        } finally {
            k.lock.writeLock().unlock();
        }
        SyscallRecord r = new SyscallRecord(sequence, name, arguments, null, null, requested, actual,
                rule == null ? Rule.OTHER : rule, ruleAddress, errno == null ? Errno.OK : errno, null, processKoid);
        if (sequence != 0) {
            k.bus.deliver(null, r);
        }
        return r;
    }

    private VmAddressRegion liveRoot(int process) {
        ProcessObject p = k.process(process, Rights.WRITE);
        VmAddressRegion root = p.rootVmar();
        KernelState.require(root != null, Status.ERR_BAD_STATE);
        return root;
    }

    private static boolean validRegion(VmAddressRegion root, MirroredRegion r) {
        return r.source() != null && r.size() > 0 && KernelState.pageAligned(r.base())
                && KernelState.pageAligned(r.size()) && (r.perms() & ~ALL_PERMS) == 0 && r.base() >= root.base()
                && r.size() <= root.size() && r.base() - root.base() <= root.size() - r.size();
    }

    private interface Body {
        Status run(Changes changes);
    }

    /** Runs {@code body} under the write lock; a refusal (or a failed page source) changes nothing. */
    private Status locked(String name, Body body) {
        Changes changes = new Changes();
        Status s;
        k.lock.writeLock().lock();
        ByteJournal.Pending pending = k.history.begin();
        try {
            changes.history = pending;
            s = body.run(changes);
            if (pending != null) {
                // no syscall record, but a number in the same sequence, so the history keeps its order
                k.history.commit(k.bus.nextSequence(), name, changes, pending, null);
            }
        } catch (Refused r) {
            if (pending != null) {
                pending.discard();
            }
            return r.zirconStatus();
        } catch (UncheckedIOException e) {
            if (pending != null) {
                pending.discard();
            }
            return Status.ERR_IO;
        } finally {
            k.lock.writeLock().unlock();
        }
        k.bus.deliver(changes);
        return s;
    }
}
