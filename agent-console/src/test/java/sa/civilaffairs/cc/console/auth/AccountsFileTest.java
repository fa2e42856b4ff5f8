package sa.civilaffairs.cc.console.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sa.civilaffairs.cc.console.config.ConfigException;

class AccountsFileTest {
    static final Path DEMO = Path.of("..", "config", "console-users.yaml");
    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void theDemoAccountsCoverEveryRoleAndAreHashedInDevMode() {
        List<AccountsFile.Seed> seeds = AccountsFile.read(DEMO, true, hasher, Instant.EPOCH);
        Set<Role> roles = seeds.stream().map(s -> s.user().role()).collect(Collectors.toSet());
        assertEquals(Set.of(Role.AGENT, Role.SUPERVISOR, Role.ADMIN), roles);
        for (AccountsFile.Seed s : seeds) {
            assertTrue(s.user().passwordHash().startsWith("$argon2id$"));
            assertTrue(hasher.verify(s.demoPassword().orElseThrow(), s.user().passwordHash()));
        }
    }

    @Test
    void plainPasswordsAreRefusedOutsideDevMode() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> AccountsFile.read(DEMO, false, hasher, Instant.EPOCH));
        assertTrue(e.getMessage().contains("users[0].password (agent1): a plain password is accepted only in dev mode"),
                e.getMessage());
    }

    @Test
    void hashedAccountsLoadOutsideDevMode(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("users.yaml");
        Files.writeString(file, "users:\n  - username: ops1\n    displayName: Ops\n    role: admin\n"
                + "    passwordHash: '" + hasher.hash("correct horse battery") + "'\n");
        AccountsFile.Seed seed = AccountsFile.read(file, false, hasher, Instant.EPOCH).get(0);
        assertEquals(Role.ADMIN, seed.user().role());
        assertTrue(seed.demoPassword().isEmpty());
    }

    @Test
    void badEntriesNameTheirPlace(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("users.yaml");
        Files.writeString(file, "users:\n  - username: ops1\n    displayName: Ops\n    role: root\n    password: x\n");
        ConfigException role = assertThrows(ConfigException.class,
                () -> AccountsFile.read(file, true, hasher, Instant.EPOCH));
        assertTrue(role.getMessage().contains("users[0].role: 'root' (expected: agent, supervisor or admin)"),
                role.getMessage());
        Files.writeString(file, "users:\n  - username: Ops!\n    displayName: Ops\n    role: admin\n");
        assertThrows(ConfigException.class, () -> AccountsFile.read(file, true, hasher, Instant.EPOCH));
        Files.writeString(file, "users:\n  - username: ops1\n    displayName: Ops\n    role: admin\n"
                + "    passwordHash: '$2a$10$notargon'\n");
        ConfigException hash = assertThrows(ConfigException.class,
                () -> AccountsFile.read(file, false, hasher, Instant.EPOCH));
        assertTrue(hash.getMessage().contains("passwordHash (ops1)"), hash.getMessage());
    }
}
