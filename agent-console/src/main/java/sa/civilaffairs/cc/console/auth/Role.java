package sa.civilaffairs.cc.console.auth;

import java.util.Locale;
import java.util.Optional;

/**
 * What a console user may do. Roles are ordered: a supervisor may do everything an agent may, and an admin everything
 * a supervisor may.
 */
public enum Role {
    /** Looks people up, books and works cases on a caller's behalf. */
    AGENT,
    /** An agent who also searches the audit log and overrides eligibility. */
    SUPERVISOR,
    /** A supervisor who also manages console accounts. */
    ADMIN;

    /** {@code true} when this role may do what {@code required} may. */
    public boolean includes(Role required) {
        return compareTo(required) >= 0;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (Role r : values()) {
            if (r.code().equals(code.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
