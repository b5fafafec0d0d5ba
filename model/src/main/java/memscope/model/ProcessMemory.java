package memscope.model;

/**
 * {@code zx_process_read_memory} and {@code zx_process_write_memory}: the checks in the documented order (the
 * first failure wins), clipping at the end of the one mapping that holds the address and at the end of its VMO,
 * then the copy. A failed call transfers nothing.
 */
final class ProcessMemory {
    private final KernelState k;

    ProcessMemory(KernelState k) {
        this.k = k;
    }

    IoResult write(int process, long vaddr, byte[] buffer, long bufferSize) {
        return transfer(true, process, vaddr, buffer, bufferSize);
    }

    IoResult read(int process, long vaddr, byte[] buffer, long bufferSize) {
        return transfer(false, process, vaddr, buffer, bufferSize);
    }

    private IoResult transfer(boolean write, int process, long vaddr, byte[] buffer, long bufferSize) {
        // the process the addresses belong to, once the handle names one: its record says whose they are
        long[] koid = {0};
        Outcome o = k.call(write ? "zx_process_write_memory" : "zx_process_read_memory", write, changes -> {
            koid[0] = processKoid(process);
            Target t = resolve(write, process, vaddr, buffer, bufferSize, changes);
            if (write && t.cloneOf != null) {
                writePrivately(t, buffer, changes);
            } else if (write) {
                changes.write(t.vmo, t.vmoOffset, buffer, 0, (int) t.length);
                changes.memory(t.vmo.koid, t.vmoOffset, t.length);
            } else {
                t.vmo.read(t.vmoOffset, buffer, 0, (int) t.length);
            }
            return new Outcome(new IoResult(Status.OK, t.length), t.rule, t.ruleAddress);
        }, r -> new Outcome(new IoResult(r.zirconStatus(), 0), r.rule, r.address),
                (sequence, done, refusal) -> record(sequence, write, process, vaddr, bufferSize, done)
                        .withProcess(koid[0]));
        return o.io;
    }

    /** The koid of the process {@code handle} names whatever its rights, or 0 (the checks refuse it later). */
    private long processKoid(int handle) {
        Handle h = k.handles.get(handle);
        return h != null && h.object() instanceof ProcessObject p ? p.koid : 0;
    }

    /** Where the transfer lands, after every check; throws {@link Refused} for the first that fails. */
    private Target resolve(boolean write, int process, long vaddr, byte[] buffer, long bufferSize,
                           Changes changes) {
        if (write && !k.options.debuggingSyscalls()) {
            throw new Refused(Status.ERR_NOT_SUPPORTED, Rule.DEBUGGING_SYSCALLS_DISABLED, 0);
        }
        if (buffer == null || bufferSize <= 0 || bufferSize > Kernel.MAX_DEBUG_IO || buffer.length < bufferSize) {
            throw new Refused(Status.ERR_INVALID_ARGS, Rule.INVALID_BUFFER, 0);
        }
        // reading needs WRITE as well, "for historical reasons"
        ProcessObject p = k.process(process, write ? Rights.WRITE : Rights.READ | Rights.WRITE);
        VmAddressRegion root = p.rootVmar();
        if (root == null) {
            // documented: "not accessible (e.g., the process is being terminated)"; today's Zircon finds no
            // address space to look the address up in
            changes.note(k.note(Divergence.DEAD_PROCESS, Status.ERR_BAD_STATE.zxName(),
                    Status.ERR_NOT_FOUND.zxName()));
            throw new Refused(k.options.today() ? Status.ERR_NOT_FOUND : Status.ERR_BAD_STATE, Rule.PROCESS_DEAD, 0);
        }
        VmMapping m = root.findMapping(vaddr);
        if (m == null) {
            Status s = k.options.legacyNoMemory() ? Status.ERR_NO_MEMORY : Status.ERR_NOT_FOUND;
            throw new Refused(s, Rule.UNMAPPED, vaddr);
        }
        if (write && m.vmo.isVdso()) {
            throw new Refused(Status.ERR_ACCESS_DENIED, Rule.VDSO_PROTECTED, m.base());
        }
        Rule rule = Rule.COMPLETE;
        long ruleAddress = 0;
        long length = bufferSize;
        long room = m.end() - vaddr;
        if (room < length) {
            length = room;
            rule = Rule.CLIPPED_AT_MAPPING_END;
            ruleAddress = m.end();
        }
        VmObject vmo = m.vmo;
        long offset = m.vmoOffsetOf(vaddr);
        if (offset >= vmo.size()) {
            throw new Refused(Status.ERR_OUT_OF_RANGE, Rule.OFFSET_BEYOND_VMO, offset);
        }
        if (vmo.size() - offset < length) {
            length = vmo.size() - offset;
            rule = Rule.CLIPPED_AT_VMO_END;
            ruleAddress = vaddr + length;
        }
        if (vmo.cachePolicy() != CachePolicy.CACHED) {
            throw new Refused(Status.ERR_BAD_STATE, Rule.NOT_CACHEABLE, vmo.koid);
        }
        if (write && (m.maxPerms() & VmOptions.PERM_WRITE) == 0 && !m.privateClone()) {
            changes.note(k.note(Divergence.PRIVATE_CLONE, Status.OK.zxName(), Status.OK.zxName()));
            if (k.options.today()) {
                return new Target(vmo, vaddr - m.base(), length, rule, ruleAddress, m);
            }
        }
        return new Target(vmo, offset, length, rule, ruleAddress, null);
    }

    /**
     * Today's Zircon (VmMapping::ForceWritable): a mapping that can never be writable gets its own copy-on-write
     * clone, and the debugger's bytes land there; the VMO and its other mappings keep the old bytes. The copy reads
     * the pages it needs before it replaces the mapping, so a failing file leaves everything as it was.
     */
    private void writePrivately(Target t, byte[] buffer, Changes changes) {
        VmObject copy = MachCopy.snapshot(k.newKoid(), t.cloneOf);
        PageStore.Originals originals = copy.prepareWrite(t.vmoOffset, (int) t.length);
        VmMapping replacement = PrivateClone.install(k, t.cloneOf, copy, t.cloneOf.maxPerms(), changes);
        replacement.markPrivateClone();
        changes.write(copy, t.vmoOffset, buffer, 0, (int) t.length, originals);
        changes.memory(copy.koid, t.vmoOffset, t.length);
    }

    private static SyscallRecord record(long sequence, boolean write, int process, long vaddr, long size,
                                        Outcome o) {
        String name = write ? "zx_process_write_memory" : "zx_process_read_memory";
        // plain concatenation: String.format made every observed 4 KiB write cost over 2 us
        String args = "handle=0x" + Integer.toHexString(process) + " vaddr=0x" + Long.toHexString(vaddr)
                + " buffer_size=" + size;
        return new SyscallRecord(sequence, name, args, o.io.status(), null, size, o.io.actual(), o.rule,
                o.ruleAddress);
    }

    /** The call's result and the rule that decided it, for its record. */
    private record Outcome(IoResult io, Rule rule, long ruleAddress) {
    }

    /** Where the bytes go; {@code cloneOf} is the mapping to clone first (today's Zircon), else null. */
    private record Target(VmObject vmo, long vmoOffset, long length, Rule rule, long ruleAddress,
                          VmMapping cloneOf) {
    }
}
