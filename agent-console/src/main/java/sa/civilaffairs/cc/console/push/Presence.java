package sa.civilaffairs.cc.console.push;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;

/**
 * Which users have a console page with a live stream open, on any instance: each instance marks its connected users
 * at every heartbeat, so supervisors see an agent whose browser lost its link (no silent "LAGGED").
 */
public interface Presence {
    void seen(Collection<String> users, Instant at);

    /** Users seen at or after {@code since}. */
    Set<String> online(Instant since);
}
