package memscope.model;

import java.util.AbstractCollection;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The mappings of one VMO, in the order they were made, as a list threaded through the mappings themselves
 * (a mapping shows exactly one VMO, so it is in at most one such list). Adding and removing are O(1) and touch
 * only the mapping and its neighbours: a hash set of 100,000 mappings of one VMO cost a cache miss into a 2 MiB
 * table on every map and unmap. Not thread-safe: the kernel lock guards it.
 */
final class VmoMappings extends AbstractCollection<VmMapping> {
    private VmMapping head;
    private VmMapping tail;
    private int size;

    @Override
    public boolean add(VmMapping m) {
        if (m.vmoList != null) {
            return false; // already here (a mapping belongs to one VMO's list)
        }
        m.vmoList = this;
        m.vmoPrev = tail;
        m.vmoNext = null;
        if (tail == null) {
            head = m;
        } else {
            tail.vmoNext = m;
        }
        tail = m;
        size++;
        return true;
    }

    @Override
    public boolean remove(Object o) {
        if (!(o instanceof VmMapping m) || m.vmoList != this) {
            return false;
        }
        if (m.vmoPrev == null) {
            head = m.vmoNext;
        } else {
            m.vmoPrev.vmoNext = m.vmoNext;
        }
        if (m.vmoNext == null) {
            tail = m.vmoPrev;
        } else {
            m.vmoNext.vmoPrev = m.vmoPrev;
        }
        m.vmoList = null;
        m.vmoPrev = null;
        m.vmoNext = null;
        size--;
        return true;
    }

    @Override
    public boolean contains(Object o) {
        return o instanceof VmMapping m && m.vmoList == this;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Iterator<VmMapping> iterator() {
        return new Iterator<>() {
            private VmMapping next = head;

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public VmMapping next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                VmMapping m = next;
                next = m.vmoNext;
                return m;
            }
        };
    }
}
