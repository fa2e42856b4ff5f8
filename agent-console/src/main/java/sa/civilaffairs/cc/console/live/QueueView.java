package sa.civilaffairs.cc.console.live;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** One queue for supervisors: callers waiting (longest first) and callers who gave up today. */
public record QueueView(String queue, List<WaitingCall> waiting, int abandonedToday) {
    public QueueView {
        waiting = List.copyOf(waiting);
    }

    /** The longest current wait, measured at {@code now} (zero when nobody waits). */
    public Duration longestWait(Instant now) {
        return waiting.isEmpty() ? Duration.ZERO : waiting.get(0).waited(now);
    }
}
