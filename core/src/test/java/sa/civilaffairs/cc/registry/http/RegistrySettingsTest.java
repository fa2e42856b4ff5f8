package sa.civilaffairs.cc.registry.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegistrySettingsTest {

    private static final URI BASE = URI.create("https://registry.example/api");

    @Test
    void theDefaultsAreValid() {
        RegistrySettings settings = RegistrySettings.defaults(BASE);
        assertEquals(Duration.ofSeconds(2), settings.timeout());
        assertEquals(3, settings.maxAttempts());
        assertEquals(Duration.ofMillis(6_600), settings.worstCase());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"registry.example", "/v1", "ftp://registry.example", "file:///tmp/x",
            "https://registry.example/api?key=1", "https://registry.example/api#x", "mailto:a@b.c"})
    void refusesABaseUrlThatIsNotAnHttpRoot(String url) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RegistrySettings(URI.create(url), Duration.ofSeconds(1), 1, Duration.ZERO));
        assertTrue(e.getMessage().startsWith("registry.baseUrl"), e.getMessage());
    }

    @Test
    void refusesNonsenseTimingsAndAttempts() {
        Duration second = Duration.ofSeconds(1);
        assertThrows(IllegalArgumentException.class, () -> new RegistrySettings(null, second, 1, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new RegistrySettings(BASE, null, 1, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new RegistrySettings(BASE, Duration.ZERO, 1, Duration.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> new RegistrySettings(BASE, Duration.ofMillis(-1), 1, Duration.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> new RegistrySettings(BASE, Duration.ofMinutes(2), 1, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new RegistrySettings(BASE, second, 0, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new RegistrySettings(BASE, second, 11, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new RegistrySettings(BASE, second, 1, null));
        assertThrows(IllegalArgumentException.class,
                () -> new RegistrySettings(BASE, second, 1, Duration.ofMillis(-1)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RegistrySettings(BASE, second, 0, Duration.ZERO));
        assertEquals("registry.maxAttempts: 0 (expected: 1-10)", e.getMessage());
    }

    @Test
    void theBackoffDoublesBeforeEachFurtherAttempt() {
        RegistrySettings settings = new RegistrySettings(BASE, Duration.ofSeconds(1), 4, Duration.ofMillis(100));
        assertEquals(Duration.ZERO, settings.pauseBefore(1));
        assertEquals(Duration.ofMillis(100), settings.pauseBefore(2));
        assertEquals(Duration.ofMillis(200), settings.pauseBefore(3));
        assertEquals(Duration.ofMillis(400), settings.pauseBefore(4));
        assertEquals(Duration.ofMillis(4_700), settings.worstCase());
    }

    @Test
    void thePersonUrlKeepsTheBasePathWithOrWithoutATrailingSlash() {
        Duration second = Duration.ofSeconds(1);
        assertEquals(URI.create("https://registry.example/api/v1/persons/1000000008"),
                new RegistrySettings(BASE, second, 1, Duration.ZERO).personUrl("1000000008"));
        assertEquals(URI.create("https://registry.example/api/v1/persons/1000000008"),
                new RegistrySettings(URI.create("https://registry.example/api/"), second, 1, Duration.ZERO)
                        .personUrl("1000000008"));
        assertEquals(URI.create("http://127.0.0.1:8089/v1/persons/1000000008"),
                new RegistrySettings(URI.create("http://127.0.0.1:8089"), second, 1, Duration.ZERO)
                        .personUrl("1000000008"));
    }
}
