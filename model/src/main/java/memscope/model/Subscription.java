package memscope.model;

/** Returned by {@link Kernel#subscribe}; closing it stops delivery. */
public interface Subscription extends AutoCloseable {
    @Override
    void close();
}
