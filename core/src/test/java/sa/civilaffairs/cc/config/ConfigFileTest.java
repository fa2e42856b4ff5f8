package sa.civilaffairs.cc.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigFileTest {
    private static final String YAML = """
            http:
              port: ${TEST_PORT:8080}
              idle: ${TEST_IDLE:500ms}
              tls: ${TEST_TLS:off}
            binds:
              - {name: first}
              - {name: second}
            """;

    @Test
    void placeholdersTakeTheVariableOrTheDefault() {
        ConfigFile defaults = ConfigFile.parse("t.yaml", YAML, Map.of(), ConfigException::new);
        assertEquals(8080, defaults.integer("http.port", 1, 0, 65535));
        assertEquals(Duration.ofMillis(500), defaults.duration("http.idle", Duration.ZERO, Duration.ZERO,
                Duration.ofHours(1)));
        assertEquals(false, defaults.bool("http.tls", true));
        assertEquals("second", defaults.text("binds.1.name", null));

        ConfigFile set = ConfigFile.parse("t.yaml", YAML, Map.of("TEST_PORT", "9090", "TEST_IDLE", "2m",
                "TEST_TLS", ""), ConfigException::new);
        assertEquals(9090, set.integer("http.port", 1, 0, 65535));
        assertEquals(Duration.ofMinutes(2), set.duration("http.idle", Duration.ZERO, Duration.ZERO,
                Duration.ofHours(1)));
        assertEquals(false, set.bool("http.tls", true), "an empty variable falls back to the default");
    }

    @Test
    void aBadValueIsReportedWithTheModulesExceptionNamingFileKeyAndExpectation() {
        ConfigFile f = ConfigFile.parse("t.yaml", YAML, Map.of("TEST_PORT", "70000"), IllegalStateException::new);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> f.integer("http.port", 1, 0, 65535));
        assertEquals("t.yaml: http.port: '70000' (expected: a whole number from 0 to 65535)", e.getMessage());
        ConfigException missing = assertThrows(ConfigException.class,
                () -> ConfigFile.parse("t.yaml", "a: ${TEST_REQUIRED}", Map.of(), ConfigException::new));
        assertTrue(missing.getMessage().contains("TEST_REQUIRED is not set and has no default"), missing.getMessage());
    }
}
