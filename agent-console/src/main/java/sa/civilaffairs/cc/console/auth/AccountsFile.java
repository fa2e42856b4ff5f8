package sa.civilaffairs.cc.console.auth;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import sa.civilaffairs.cc.config.ConfigFile;
import sa.civilaffairs.cc.console.config.ConfigException;

/**
 * Reads {@code config/console-users.yaml}: a list of accounts, each with {@code username}, {@code displayName},
 * {@code role} and either {@code passwordHash} (Argon2id, from {@link HashPassword}) or, in dev mode only, a plain
 * {@code password} (the demo accounts, printed at start-up).
 */
public final class AccountsFile {
    private AccountsFile() {
    }

    /** An account to seed; {@code demoPassword} is present for dev-mode accounts given in plain text. */
    public record Seed(ConsoleUser user, Optional<String> demoPassword) {
    }

    public static List<Seed> read(Path file, boolean devMode, PasswordHasher hasher, Instant now) {
        ConfigFile f = ConfigFile.read(file, Map.of(), ConfigException::new);
        JsonNode list = f.root().path("users");
        if (!list.isArray()) {
            throw new ConfigException(file + ": users: (expected: a list of accounts)");
        }
        List<Seed> seeds = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode n = list.get(i);
            String at = file + ": users[" + i + "]";
            String username = n.path("username").asText("");
            if (!ConsoleUser.isUsername(username)) {
                throw new ConfigException(at + ".username: '" + username
                        + "' (expected: 3-32 lower-case letters, digits, dot, dash or underscore, starting with a letter)");
            }
            if (!names.add(username)) {
                throw new ConfigException(at + ".username: '" + username + "' (expected: each account once)");
            }
            String displayName = n.path("displayName").asText("");
            if (!ConsoleUser.isDisplayName(displayName)) {
                throw new ConfigException(at + ".displayName: (expected: 1-80 characters)");
            }
            Role role = Role.fromCode(n.path("role").asText("")).orElseThrow(() -> new ConfigException(
                    at + ".role: '" + n.path("role").asText("") + "' (expected: agent, supervisor or admin)"));
            String hash = n.path("passwordHash").asText("");
            String plain = n.path("password").asText("");
            Optional<String> demo = Optional.empty();
            if (!hash.isEmpty() && !plain.isEmpty()) {
                throw new ConfigException(at + " (" + username + "): (expected: passwordHash or password, not both)");
            } else if (!plain.isEmpty()) {
                if (!devMode) {
                    throw new ConfigException(at + ".password (" + username + "): a plain password is accepted only"
                            + " in dev mode (expected: passwordHash, made with "
                            + HashPassword.class.getName() + ", or devMode: true)");
                }
                hash = hasher.hash(plain);
                demo = Optional.of(plain);
            } else if (!hash.startsWith("$argon2id$")) {
                throw new ConfigException(at + ".passwordHash (" + username
                        + "): (expected: an Argon2id hash, $argon2id$..., made with " + HashPassword.class.getName()
                        + ")");
            }
            seeds.add(new Seed(new ConsoleUser(username, displayName.strip(), role, hash, now, "accounts file"), demo));
        }
        return seeds;
    }
}
