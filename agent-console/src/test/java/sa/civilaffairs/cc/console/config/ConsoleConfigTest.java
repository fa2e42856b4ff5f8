package sa.civilaffairs.cc.console.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sa.civilaffairs.cc.config.ConfigFile;

class ConsoleConfigTest {
    static final Path REPO_CONFIG = Path.of("..", "config", "console.yaml");

    @Test
    void theRepositoryConfigLoadsWithItsDefaults() {
        ConsoleConfig c = ConsoleConfig.load(REPO_CONFIG, Map.of());
        assertEquals(8080, c.http().port());
        assertEquals("127.0.0.1", c.http().host());
        assertFalse(c.http().secureCookies());
        assertEquals(Duration.ofMinutes(30), c.session().idleTimeout());
        assertEquals(Duration.ofHours(12), c.session().maxLifetime());
        assertEquals(5, c.throttle().accountFailures());
        assertFalse(c.devMode());
        assertTrue(Files.isReadable(c.usersFile()));
    }

    @Test
    void environmentVariablesOverrideTheDefaults() {
        ConsoleConfig c = ConsoleConfig.load(REPO_CONFIG, Map.of("CONSOLE_HTTP_PORT", "9090",
                "CONSOLE_SESSION_IDLE_TIMEOUT", "PT5M", "CONSOLE_BEHIND_TLS_PROXY", "true", "CONSOLE_DEV_MODE", "yes",
                "CONSOLE_THROTTLE_WINDOW", "90s"));
        assertEquals(9090, c.http().port());
        assertEquals(Duration.ofMinutes(5), c.session().idleTimeout());
        assertTrue(c.http().secureCookies());
        assertTrue(c.devMode());
        assertEquals(Duration.ofSeconds(90), c.throttle().window());
    }

    @Test
    void aBadValueNamesTheKeyTheValueAndWhatWasExpected() {
        ConfigException port = assertThrows(ConfigException.class,
                () -> ConsoleConfig.load(REPO_CONFIG, Map.of("CONSOLE_HTTP_PORT", "eighty")));
        assertTrue(port.getMessage().contains("http.port: 'eighty' (expected: a whole number from 0 to 65535)"),
                port.getMessage());
        ConfigException idle = assertThrows(ConfigException.class,
                () -> ConsoleConfig.load(REPO_CONFIG, Map.of("CONSOLE_SESSION_IDLE_TIMEOUT", "forever")));
        assertTrue(idle.getMessage().contains("session.idleTimeout: 'forever'"), idle.getMessage());
        ConfigException flag = assertThrows(ConfigException.class,
                () -> ConsoleConfig.load(REPO_CONFIG, Map.of("CONSOLE_DEV_MODE", "maybe")));
        assertTrue(flag.getMessage().contains("devMode: 'maybe' (expected: true or false)"), flag.getMessage());
        ConfigException order = assertThrows(ConfigException.class, () -> ConsoleConfig.load(REPO_CONFIG,
                Map.of("CONSOLE_SESSION_IDLE_TIMEOUT", "2h", "CONSOLE_SESSION_MAX_LIFETIME", "1h")));
        assertTrue(order.getMessage().contains("session.maxLifetime"), order.getMessage());
        ConfigException tls = assertThrows(ConfigException.class,
                () -> ConsoleConfig.load(REPO_CONFIG, Map.of("CONSOLE_TLS_KEYSTORE", "missing.p12")));
        assertTrue(tls.getMessage().contains("http.tls.keyStore"), tls.getMessage());
    }

    @Test
    void aMissingUsersFileIsRefused(@TempDir Path dir) throws Exception {
        Path yaml = dir.resolve("console.yaml");
        Files.writeString(yaml, "users:\n  file: nowhere.yaml\n");
        ConfigException e = assertThrows(ConfigException.class, () -> ConsoleConfig.load(yaml, Map.of()));
        assertTrue(e.getMessage().contains("users.file: 'nowhere.yaml'"), e.getMessage());
    }

    @Test
    void aPlaceholderWithoutDefaultNeedsItsVariable() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigFile.parse("test.yaml", "http:\n  host: ${CONSOLE_HOST_REQUIRED}\n", Map.of(),
                        ConfigException::new));
        assertTrue(e.getMessage().contains("CONSOLE_HOST_REQUIRED is not set"), e.getMessage());
    }
}
