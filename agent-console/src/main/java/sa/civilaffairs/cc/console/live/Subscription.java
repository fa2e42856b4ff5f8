package sa.civilaffairs.cc.console.live;

/** Ends a subscription; idempotent. */
@FunctionalInterface
public interface Subscription extends AutoCloseable {
    @Override
    void close();
}
