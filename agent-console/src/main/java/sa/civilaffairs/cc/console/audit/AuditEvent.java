package sa.civilaffairs.cc.console.audit;

import java.util.Optional;
import sa.civilaffairs.cc.console.auth.Role;
import sa.civilaffairs.cc.identity.NationalId;

/**
 * Who did what, to whose data. The audit log is the one place that keeps the full national ID ({@code subject}), so
 * that a supervisor can answer "who looked at this person"; {@code detail} must not hold other personal data in clear.
 *
 * @param actor   the console username (or the name typed at a refused sign-in)
 * @param role    the actor's role, empty when not signed in
 * @param address the client address the request came from
 */
public record AuditEvent(String actor, Optional<Role> role, AuditAction action, Optional<NationalId> subject,
                         String detail, String address) {
    public AuditEvent {
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("actor: empty (expected: a username)");
        }
        if (action == null) {
            throw new IllegalArgumentException("action: empty");
        }
        role = role == null ? Optional.empty() : role;
        subject = subject == null ? Optional.empty() : subject;
        detail = detail == null ? "" : detail;
        address = address == null ? "" : address;
    }
}
