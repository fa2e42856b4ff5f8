package sa.civilaffairs.cc.console.session;

import java.time.Instant;
import sa.civilaffairs.cc.console.auth.Role;

/**
 * A signed-in user's session. {@code csrfToken} is bound to this session and must come back in the
 * {@code X-CSRF-Token} header of every state-changing request.
 */
public record ConsoleSession(String username, String displayName, Role role, String csrfToken, Instant signedInAt) {
    public ConsoleSession {
        if (username == null || role == null || csrfToken == null || csrfToken.length() < 32 || signedInAt == null) {
            throw new IllegalArgumentException("session: incomplete (expected: user, role, CSRF token, sign-in time)");
        }
    }
}
