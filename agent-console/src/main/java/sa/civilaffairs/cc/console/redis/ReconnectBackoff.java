package sa.civilaffairs.cc.console.redis;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;

/**
 * The pause of a dedicated Redis reader thread (pop subscriber, chat follower, inbox bridge) after a lost
 * connection: 100 ms, doubling up to 5 s, back to 100 ms after a success. Not thread-safe: one per reader thread.
 */
public final class ReconnectBackoff {
    private static final long FIRST_MILLIS = 100;
    private static final long MAX_MILLIS = 5_000;

    private final Logger log;
    private final String reader;
    private final AtomicBoolean running;
    private long millis = FIRST_MILLIS;

    public ReconnectBackoff(Logger log, String reader, AtomicBoolean running) {
        this.log = log;
        this.reader = reader;
        this.running = running;
    }

    public void succeeded() {
        millis = FIRST_MILLIS;
    }

    /**
     * Logs the failure and sleeps on the calling (dedicated) thread. Returns false when the reader should end instead:
     * it is closing, or the thread was interrupted (the flag is restored).
     */
    public boolean pauseAfter(RuntimeException failure) {
        if (!running.get()) {
            return false;
        }
        log.warn("{}: {}; retrying in {} ms", reader, failure.toString(), millis);
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        millis = Math.min(millis * 2, MAX_MILLIS);
        return true;
    }
}
