package sa.civilaffairs.cc.console.audit;

import java.util.Optional;
import sa.civilaffairs.cc.console.auth.Role;
import sa.civilaffairs.cc.identity.NationalId;

/** Who is acting: a signed-in console user (or, at sign-in, the name typed), and where the request came from. */
public record Actor(String username, Optional<Role> role, String address) {
    public Actor {
        role = role == null ? Optional.empty() : role;
    }

    public static Actor signedIn(String username, Role role, String address) {
        return new Actor(username, Optional.of(role), address);
    }

    public AuditEvent did(AuditAction action, Optional<NationalId> subject, String detail) {
        return new AuditEvent(username, role, action, subject, detail, address);
    }

    /** The role, for actions that need a signed-in user. */
    public Role requireRole() {
        return role.orElseThrow(() -> new IllegalStateException("not signed in"));
    }
}
