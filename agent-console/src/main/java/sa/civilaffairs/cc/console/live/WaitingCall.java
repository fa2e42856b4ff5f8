package sa.civilaffairs.cc.console.live;

import java.time.Duration;
import java.time.Instant;
import sa.civilaffairs.cc.text.Language;

/**
 * A caller waiting in a queue, for supervisors: no national ID, the caller number masked.
 *
 * @param callId   Linkedid when known (else the queue channel's Uniqueid, e.g. for a call first seen in QueueStatus)
 * @param uniqueId Uniqueid of the channel that waits in the queue
 */
public record WaitingCall(String callId, String uniqueId, String queue, String callerNumberMasked, Language language,
        String intent, Instant joinedAt) {
    public Duration waited(Instant now) {
        Duration d = Duration.between(joinedAt, now);
        return d.isNegative() ? Duration.ZERO : d;
    }
}
