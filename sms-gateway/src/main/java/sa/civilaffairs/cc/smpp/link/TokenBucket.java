package sa.civilaffairs.cc.smpp.link;

import java.util.concurrent.locks.LockSupport;

/**
 * Paces submit_sm to the operator's TPS, one token per segment (Jasmin #925 counted messages). A burst of at most a
 * tenth of a second's tokens; callers beyond it reserve future tokens and park until theirs comes. Thread-safe.
 */
public final class TokenBucket {
    private final double perNano;
    private final double capacity;
    private double tokens;
    private long last;

    public TokenBucket(int perSecond) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("tps: " + perSecond + " (expected: at least 1)");
        }
        this.perNano = perSecond / 1e9;
        this.capacity = Math.max(1, perSecond / 10.0);
        this.tokens = capacity;
        this.last = System.nanoTime();
    }

    /** Takes one token, parking the thread until it is due. Returns false when interrupted while waiting. */
    public boolean acquire() {
        long waitNanos;
        synchronized (this) {
            long now = System.nanoTime();
            tokens = Math.min(capacity, tokens + (now - last) * perNano);
            last = now;
            tokens -= 1;
            waitNanos = tokens >= 0 ? 0 : (long) (-tokens / perNano);
        }
        long until = System.nanoTime() + waitNanos;
        while (waitNanos > 0) {
            LockSupport.parkNanos(waitNanos);
            if (Thread.currentThread().isInterrupted()) {
                return false;
            }
            waitNanos = until - System.nanoTime();
        }
        return true;
    }
}
