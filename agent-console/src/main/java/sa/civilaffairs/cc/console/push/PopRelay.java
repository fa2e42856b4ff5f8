package sa.civilaffairs.cc.console.push;

import java.time.Duration;
import java.util.List;

/**
 * Carries screen pops between console instances: published once per call and agent, delivered to every instance,
 * kept for a while per agent so a reconnecting browser can catch up. Implemented in Redis ({@code push.redis}).
 */
public interface PopRelay extends AutoCloseable {
    /** Publishes a pop; returns its id, or null if this call already popped for this agent (a duplicate). */
    String publish(String agent, String callId, String json);

    /** The agent's pops after {@code afterId} (null: from {@code maxAge} ago), not older than {@code maxAge}. */
    List<Entry> since(String agent, String afterId, Duration maxAge);

    /**
     * Starts delivering every published pop to {@code delivery} (on the relay's thread: hand off, do not block);
     * {@code resubscribed} runs after the subscription came back from an outage.
     */
    void start(Delivery delivery, Runnable resubscribed);

    @Override
    void close();

    record Entry(String id, String json) {
    }

    @FunctionalInterface
    interface Delivery {
        void deliver(String agent, String id, String json);
    }
}
