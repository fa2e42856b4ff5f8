package sa.civilaffairs.cc.console.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void hashesWithArgon2idAndOwaspParameters() {
        String hash = hasher.hash("correct horse battery");
        assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
        assertTrue(hasher.verify("correct horse battery", hash));
        assertFalse(hasher.verify("correct horse batterY", hash));
    }

    @Test
    void eachHashHasItsOwnSalt() {
        assertNotEquals(hasher.hash("same password!"), hasher.hash("same password!"));
    }

    @Test
    void malformedHashesNeverMatch() {
        assertFalse(hasher.verify("x", "not a hash"));
        assertFalse(hasher.verify("x", "$argon2id$garbage"));
        assertFalse(hasher.verify("x", null));
        assertFalse(hasher.verifyDecoy("decoy-password-never-matches"));
    }
}
