package sa.civilaffairs.cc.console.web;

import java.util.Optional;
import sa.civilaffairs.cc.console.auth.Role;

/** Who may call a route: anyone, or a signed-in user with at least a role. Every route declares one. */
public enum Access {
    PUBLIC(null),
    AGENT(Role.AGENT),
    SUPERVISOR(Role.SUPERVISOR),
    ADMIN(Role.ADMIN);

    private final Role role;

    Access(Role role) {
        this.role = role;
    }

    public Optional<Role> role() {
        return Optional.ofNullable(role);
    }

    public boolean allows(Role r) {
        return role == null || r.includes(role);
    }
}
