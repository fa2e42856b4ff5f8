package sa.civilaffairs.cc.console.live;

import java.time.Instant;
import java.util.Objects;

/**
 * A change of the supervisor view. {@code queue} and {@code agent} are set when the change concerns one (else null).
 */
public record LiveChange(Kind kind, String queue, String agent, Instant at) {
    public enum Kind { CALL_WAITING, CALL_ANSWERED, CALL_ABANDONED, CALL_LEFT, AGENT_STATE, AMI_HEALTH, RESYNCED, NEW_DAY }

    public LiveChange {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
    }
}
