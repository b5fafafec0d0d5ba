package memscope.model;

/**
 * The free gaps of one VMAR, so that placing a mapping without SPECIFIC costs O(log n) rather than a walk over
 * every child. Gaps live in a treap keyed by base; each node also keeps the largest gap in its subtree, which
 * lets {@link #highestFit} go straight to the highest gap that is large enough (Linux keeps
 * {@code rb_subtree_gap} in its VMA tree, and Zircon's region allocator a gap tree, for the same reason).
 *
 * <p>Priorities come from a hash of the gap's base, so the shape, and with it everything, is deterministic; the
 * answers never depend on the shape anyway. Not thread-safe: the kernel lock guards it.
 */
final class GapIndex {
    private static final class Node {
        final long base;
        final long end;
        final int priority;
        long maxSize;
        Node left;
        Node right;

        Node(long base, long end) {
            this.base = base;
            this.end = end;
            this.priority = priorityOf(base);
            this.maxSize = end - base;
        }
    }

    private Node root;

    /** One gap covering {@code [base, end)}: the whole of an empty VMAR. */
    GapIndex(long base, long end) {
        if (end > base) {
            root = new Node(base, end);
        }
    }

    /** The base of the highest {@code length} bytes that fit in one gap, or -1: placement grows down, like mmap. */
    long highestFit(long length) {
        Node n = root;
        while (n != null && n.maxSize >= length) {
            if (n.right != null && n.right.maxSize >= length) {
                n = n.right;
            } else if (n.end - n.base >= length) {
                return n.end - length;
            } else {
                n = n.left;
            }
        }
        return -1;
    }

    /** {@code [start, end)}, which lies inside one gap, is taken by a new child. */
    void take(long start, long end) {
        Node gap = floor(start);
        if (gap == null || gap.end < end) {
            throw new IllegalStateException("no free gap holds 0x" + Long.toHexString(start));
        }
        root = delete(root, gap.base);
        if (gap.base < start) {
            root = insert(root, new Node(gap.base, start));
        }
        if (end < gap.end) {
            root = insert(root, new Node(end, gap.end));
        }
    }

    /** {@code [start, end)}, a child's range, is free again; it joins the gaps on either side. */
    void release(long start, long end) {
        long from = start;
        long to = end;
        Node below = floor(start - 1);
        if (below != null && below.end == start) {
            from = below.base;
            root = delete(root, below.base);
        }
        Node above = floor(end);
        if (above != null && above.base == end) {
            to = above.end;
            root = delete(root, above.base);
        }
        root = insert(root, new Node(from, to));
    }

    /** The gap with the highest base at or below {@code key}, or null. */
    private Node floor(long key) {
        Node n = root;
        Node best = null;
        while (n != null) {
            if (n.base <= key) {
                best = n;
                n = n.right;
            } else {
                n = n.left;
            }
        }
        return best;
    }

    private static Node insert(Node t, Node n) {
        if (t == null) {
            return n;
        }
        if (n.priority > t.priority) {
            Node[] parts = split(t, n.base);
            n.left = parts[0];
            n.right = parts[1];
            return update(n);
        }
        if (n.base < t.base) {
            t.left = insert(t.left, n);
        } else {
            t.right = insert(t.right, n);
        }
        return update(t);
    }

    private static Node delete(Node t, long base) {
        if (t == null) {
            return null;
        }
        if (t.base == base) {
            return merge(t.left, t.right);
        }
        if (base < t.base) {
            t.left = delete(t.left, base);
        } else {
            t.right = delete(t.right, base);
        }
        return update(t);
    }

    /** Splits into the nodes below {@code key} and those at or above it. */
    private static Node[] split(Node t, long key) {
        if (t == null) {
            return new Node[2];
        }
        if (t.base < key) {
            Node[] parts = split(t.right, key);
            t.right = parts[0];
            parts[0] = update(t);
            return parts;
        }
        Node[] parts = split(t.left, key);
        t.left = parts[1];
        parts[1] = update(t);
        return parts;
    }

    /** Joins two treaps where every base in {@code a} is below every base in {@code b}. */
    private static Node merge(Node a, Node b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        if (a.priority > b.priority) {
            a.right = merge(a.right, b);
            return update(a);
        }
        b.left = merge(a, b.left);
        return update(b);
    }

    private static Node update(Node n) {
        long max = n.end - n.base;
        if (n.left != null) {
            max = Math.max(max, n.left.maxSize);
        }
        if (n.right != null) {
            max = Math.max(max, n.right.maxSize);
        }
        n.maxSize = max;
        return n;
    }

    private static int priorityOf(long base) {
        long z = base * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (int) (z ^ (z >>> 31));
    }
}
