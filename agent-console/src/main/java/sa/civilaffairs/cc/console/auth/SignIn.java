package sa.civilaffairs.cc.console.auth;

import java.time.Duration;
import java.util.Optional;
import sa.civilaffairs.cc.console.audit.Actor;
import sa.civilaffairs.cc.console.audit.AuditAction;
import sa.civilaffairs.cc.console.audit.AuditLog;
import sa.civilaffairs.cc.console.session.Sessions;

/**
 * Checks a username and password: throttle first (per account and per client address), then the Argon2id hash, then
 * a new session. An unknown account costs the same hash check as a wrong password, so timing does not tell which.
 * Blocking (Argon2id, Redis): run it on a worker.
 */
public final class SignIn {
    private final Users users;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final Sessions sessions;
    private final AuditLog audit;

    public SignIn(Users users, PasswordHasher hasher, LoginThrottle throttle, Sessions sessions, AuditLog audit) {
        this.users = users;
        this.hasher = hasher;
        this.throttle = throttle;
        this.sessions = sessions;
        this.audit = audit;
    }

    /** The outcome of one attempt. */
    public sealed interface Outcome {
        record SignedIn(Sessions.Opened session) implements Outcome {
        }

        /** Unknown account or wrong password: the two are not told apart. */
        record Refused() implements Outcome {
        }

        record Throttled(Duration retryAfter) implements Outcome {
        }
    }

    public Outcome attempt(String username, String password, String address) {
        String name = username.strip().toLowerCase(java.util.Locale.ROOT);
        Optional<Duration> locked = throttle.lockedFor(name, address);
        if (locked.isPresent()) {
            return new Outcome.Throttled(locked.get());
        }
        Optional<ConsoleUser> user = users.find(name);
        boolean ok = user.map(u -> hasher.verify(password, u.passwordHash())).orElseGet(
                () -> hasher.verifyDecoy(password));
        if (!ok) {
            throttle.failed(name, address);
            String actor = ConsoleUser.isUsername(name) ? name : "(invalid username)";
            audit.append(new Actor(actor, Optional.empty(), address).did(AuditAction.SIGN_IN_REFUSED,
                    Optional.empty(), user.isPresent() ? "wrong password" : "unknown account"));
            return new Outcome.Refused();
        }
        ConsoleUser u = user.get();
        throttle.succeeded(name);
        Sessions.Opened opened = sessions.open(u);
        audit.append(Actor.signedIn(u.username(), u.role(), address).did(AuditAction.SIGN_IN, Optional.empty(), ""));
        return new Outcome.SignedIn(opened);
    }
}
