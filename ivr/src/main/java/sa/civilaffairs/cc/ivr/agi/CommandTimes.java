package sa.civilaffairs.cc.ivr.agi;

import java.util.concurrent.atomic.LongAdder;

/**
 * The IVR's own time per AGI command: from Asterisk's answer read to the next command written, on the call's thread
 * (menu logic, Redis, the registry, the SMS outbox). A histogram with buckets of 10 µs up to 1 ms, then 100 µs up to
 * 10 ms, then 10 ms up to 10 s. Thread-safe, lock-free.
 */
public final class CommandTimes {

    private static final int FINE = 100;
    private static final int MEDIUM = 90;
    private static final int COARSE = 1000;
    private final LongAdder[] buckets = new LongAdder[FINE + MEDIUM + COARSE + 1];
    private final LongAdder count = new LongAdder();

    public CommandTimes() {
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = new LongAdder();
        }
    }

    public void record(long nanos) {
        long micros = Math.max(0, nanos / 1000);
        int index;
        if (micros < 1_000) {
            index = (int) (micros / 10);
        } else if (micros < 10_000) {
            index = FINE + (int) ((micros - 1_000) / 100);
        } else {
            index = (int) Math.min(FINE + MEDIUM + (micros - 10_000) / 10_000, buckets.length - 1);
        }
        buckets[index].increment();
        count.increment();
    }

    public long count() {
        return count.sum();
    }

    /** The upper bound of the bucket holding quantile {@code q} (0-1), in milliseconds. */
    public double quantileMillis(double q) {
        long total = count();
        if (total == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(q * total);
        long seen = 0;
        for (int i = 0; i < buckets.length; i++) {
            seen += buckets[i].sum();
            if (seen >= rank) {
                return upperMillis(i);
            }
        }
        return upperMillis(buckets.length - 1);
    }

    private static double upperMillis(int index) {
        if (index < FINE) {
            return (index + 1) * 0.01;
        }
        if (index < FINE + MEDIUM) {
            return 1 + (index - FINE + 1) * 0.1;
        }
        return 10 + (index - FINE - MEDIUM + 1) * 10.0;
    }

    public void reset() {
        for (LongAdder b : buckets) {
            b.reset();
        }
        count.reset();
    }
}
