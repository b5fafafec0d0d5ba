package memscope.model;

import java.util.Collection;

/** A virtual memory object: a size, a cache policy, sparse pages, and the mappings that show it. */
final class VmObject extends KernelObject {
    private final PageStore pages;
    private final boolean resizable;
    private final boolean vdso;
    /** In the order they were made; unmapping one of many mappings of a VMO is O(1). */
    private final VmoMappings mappings = new VmoMappings();
    private long size;
    private CachePolicy cachePolicy = CachePolicy.CACHED;

    VmObject(long koid, String name, long size, boolean resizable, boolean vdso, PageSource source) {
        super(koid, name);
        this.size = size;
        this.resizable = resizable;
        this.vdso = vdso;
        this.pages = new PageStore(source);
    }

    @Override
    ObjectType type() {
        return ObjectType.VMO;
    }

    /** Also through a mapping in a process the caller holds a handle to; the vDSO always. */
    @Override
    boolean reachable() {
        if (vdso || super.reachable()) {
            return true;
        }
        for (VmMapping m : mappings) {
            if (m.parent.process.reachable()) {
                return true;
            }
        }
        return false;
    }

    long size() {
        return size;
    }

    boolean resizable() {
        return resizable;
    }

    boolean isVdso() {
        return vdso;
    }

    CachePolicy cachePolicy() {
        return cachePolicy;
    }

    void setCachePolicy(CachePolicy policy) {
        this.cachePolicy = policy;
    }

    PageStore pages() {
        return pages;
    }

    Collection<VmMapping> mappings() {
        return mappings;
    }

    void addMapping(VmMapping m) {
        mappings.add(m);
    }

    void removeMapping(VmMapping m) {
        mappings.remove(m);
    }

    /** Resizes to a page-rounded size; shrinking forgets the pages beyond the end so regrowing reads zeros. */
    void resize(long newSize) {
        if (newSize < size) {
            pages.discardFrom(newSize / Kernel.PAGE_SIZE);
        }
        this.size = newSize;
    }

    void read(long offset, byte[] dst, int dstOffset, int length) {
        pages.read(offset, dst, dstOffset, length);
    }

    void write(long offset, byte[] src, int srcOffset, int length) {
        pages.write(offset, src, srcOffset, length);
    }

    /** Reads what a write of this range needs from the page source, before anything changes. */
    PageStore.Originals prepareWrite(long offset, int length) {
        return pages.prepareWrite(offset, length);
    }

    void write(long offset, byte[] src, int srcOffset, int length, PageStore.Originals originals) {
        pages.write(offset, src, srcOffset, length, originals);
    }
}
