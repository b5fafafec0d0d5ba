package memscope.model;

/** VMO cache policies ({@code ZX_CACHE_POLICY_*}). Only CACHED memory is reachable by the debug read/write calls. */
public enum CachePolicy {
    CACHED(0),
    UNCACHED(1),
    UNCACHED_DEVICE(2),
    WRITE_COMBINING(3);

    private final int value;

    CachePolicy(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }

    public static CachePolicy of(int value) {
        for (CachePolicy p : values()) {
            if (p.value == value) {
                return p;
            }
        }
        throw new IllegalArgumentException("no cache policy " + value);
    }
}
