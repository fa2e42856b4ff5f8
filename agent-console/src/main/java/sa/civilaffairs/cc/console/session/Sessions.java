package sa.civilaffairs.cc.console.session;

import java.util.Optional;
import sa.civilaffairs.cc.console.auth.ConsoleUser;

/**
 * Console sessions, shared by every console instance behind a load balancer. A session is known to the browser only
 * by an opaque random token; it ends after the idle timeout, at its maximum lifetime, or at sign-out.
 * Thread-safe; calls block (Redis): use a worker.
 */
public interface Sessions {
    /** A new session for {@code user}, with a fresh token (never reused: no session fixation). */
    Opened open(ConsoleUser user);

    /** The live session behind {@code token}, its idle clock restarted; empty when unknown, idle too long or too old. */
    Optional<ConsoleSession> touch(String token);

    /** Ends the session behind {@code token}, if any. */
    void close(String token);

    record Opened(String token, ConsoleSession session) {
    }
}
