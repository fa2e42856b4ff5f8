package sa.civilaffairs.cc.console.auth;

import java.time.Duration;
import java.util.Optional;

/**
 * Counts failed sign-ins per account and per client address over a window, shared by every console instance.
 * Thread-safe; calls block (Redis): use a worker.
 */
public interface LoginThrottle {
    /** How long the caller must wait before trying again, or empty when sign-in may be tried now. */
    Optional<Duration> lockedFor(String account, String address);

    /** Counts one failure against both the account and the address. */
    void failed(String account, String address);

    /** A successful sign-in clears the account's count (not the address's: one good password must not unlock it). */
    void succeeded(String account);
}
