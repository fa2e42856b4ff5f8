package sa.civilaffairs.cc.console.auth;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * A console account. {@code passwordHash} is a PHC-format Argon2id string ({@link PasswordHasher}); the password
 * itself is never stored.
 */
public record ConsoleUser(String username, String displayName, Role role, String passwordHash, Instant createdAt,
                          String createdBy) {

    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{2,31}");

    public ConsoleUser {
        if (!isUsername(username)) {
            throw new IllegalArgumentException("username: '" + username
                    + "' (expected: 3-32 lower-case letters, digits, dot, dash or underscore, starting with a letter)");
        }
        if (!isDisplayName(displayName)) {
            throw new IllegalArgumentException("displayName: (expected: 1-80 characters, no control characters)");
        }
        if (role == null) {
            throw new IllegalArgumentException("role: empty (expected: agent, supervisor or admin)");
        }
        if (passwordHash == null || !passwordHash.startsWith("$argon2")) {
            throw new IllegalArgumentException("passwordHash: (expected: an Argon2 hash in PHC format, $argon2id$...)");
        }
        if (createdAt == null) {
            throw new IllegalArgumentException("createdAt: empty (expected: an instant)");
        }
        createdBy = createdBy == null ? "" : createdBy;
    }

    public static boolean isUsername(String s) {
        return s != null && USERNAME.matcher(s).matches();
    }

    public static boolean isDisplayName(String s) {
        return s != null && !s.isBlank() && s.strip().length() <= 80
                && s.codePoints().noneMatch(Character::isISOControl);
    }
}
