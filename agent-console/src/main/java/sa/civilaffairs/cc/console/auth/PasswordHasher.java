package sa.civilaffairs.cc.console.auth;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Argon2id password hashing (password4j), with OWASP's minimum parameters: 19 MiB of memory, 2 passes, 1 lane.
 * Slow on purpose (tens of milliseconds): call it on a worker thread, never on an event loop. Thread-safe.
 */
public final class PasswordHasher {
    private static final Argon2Function ARGON2ID = Argon2Function.getInstance(19 * 1024, 2, 1, 32, Argon2.ID);
    /** Checked against when the account does not exist, so that a refusal takes as long either way. */
    private static final String DECOY = Password.hash("decoy-password-never-matches").addRandomSalt(16)
            .with(ARGON2ID).getResult();

    /** Passwords shorter than this are refused when an account is created. */
    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    public String hash(CharSequence password) {
        if (password == null || password.length() == 0) {
            throw new IllegalArgumentException("password: empty (expected: " + MIN_LENGTH + "+ characters)");
        }
        return Password.hash(password).addRandomSalt(16).with(ARGON2ID).getResult();
    }

    /** {@code true} when {@code password} matches {@code hash}; {@code false} for any malformed hash. */
    public boolean verify(CharSequence password, String hash) {
        if (password == null || hash == null || !hash.startsWith("$argon2")) {
            return false;
        }
        try {
            return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
        } catch (RuntimeException malformed) {
            return false;
        }
    }

    /** Spends the time a real check would, for an unknown account; always {@code false}. */
    public boolean verifyDecoy(CharSequence password) {
        verify(password == null ? "" : password, DECOY);
        return false;
    }
}
