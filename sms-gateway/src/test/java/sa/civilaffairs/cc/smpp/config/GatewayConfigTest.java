package sa.civilaffairs.cc.smpp.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GatewayConfigTest {
    private static final Path SHIPPED = findShipped();

    private static Path findShipped() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path f = dir.resolve("config/sms-gateway.yaml");
            if (Files.isRegularFile(f)) {
                return f;
            }
        }
        throw new IllegalStateException("config/sms-gateway.yaml not found");
    }

    @Test
    void shippedFileLoadsWithDefaults() {
        GatewayConfig c = GatewayConfig.load(SHIPPED, Map.of());
        assertEquals(1, c.binds().size());
        GatewayConfig.BindConfig b = c.binds().get(0);
        assertEquals(GatewayConfig.BindMode.TRANSCEIVER, b.mode());
        assertEquals(2775, b.port());
        assertEquals("77799", c.source().address());
        assertEquals(3, c.source().ton());
        assertEquals(Duration.ofSeconds(10), c.link().responseTimeout());
        assertEquals(1, c.http().clients().size());
        assertEquals(Duration.ofSeconds(60), c.inbound().dedupeWindow());
        assertEquals(Duration.ofSeconds(3), c.inbound().echoWindow());
        assertEquals(Duration.ofSeconds(2), c.inbound().respDoubtAfter());
    }

    @Test
    void environmentOverridesValues() {
        GatewayConfig c = GatewayConfig.load(SHIPPED, Map.of("SMPP_MODE", "pair", "SMPP_HOST", "smsc.operator.sa",
                "SMPP_TPS", "250", "SMPP_WINDOW", "10", "SMPP_TLS", "true", "SMPP_RESPONSE_TIMEOUT", "750ms"));
        GatewayConfig.BindConfig b = c.binds().get(0);
        assertEquals(GatewayConfig.BindMode.PAIR, b.mode());
        assertEquals("smsc.operator.sa", b.host());
        assertEquals(250, b.tps());
        assertEquals(10, b.window());
        assertTrue(b.tls());
        assertEquals(Duration.ofMillis(750), c.link().responseTimeout());
    }

    @Test
    void badValuesStopWithTheKeyAndWhatWasExpected() {
        assertMessage(Map.of("SMPP_MODE", "both"), "binds.0.mode: 'both' (expected: transceiver or pair)");
        assertMessage(Map.of("SMPP_PORT", "99999"), "binds.0.port: '99999' (expected: a whole number from 1 to 65535)");
        assertMessage(Map.of("SMPP_TPS", "0"), "binds.0.tps: '0' (expected: a whole number from 1 to 100000)");
        assertMessage(Map.of("SMPP_PASSWORD", "muchtoolong"), "password: 11 characters (expected: at most 8");
        assertMessage(Map.of("SMPP_SOURCE_ADDRESS", "77x99"), "source.address: '77x99' (expected: 3-15 digits");
        assertMessage(Map.of("SMPP_TLS", "maybe"), "binds.0.tls: 'maybe' (expected: true or false)");
        assertMessage(Map.of("SMPP_REBIND_MIN", "soon"), "link.rebindMin: 'soon' (expected: a duration");
        assertMessage(Map.of("SMS_CLIENT1_KEY", "short"), "key of crm: too short");
        assertMessage(Map.of("SMPP_MO_DEDUPE_WINDOW", "2s"),
                "inbound.echoWindow: PT3S (expected: at most inbound.dedupeWindow PT2S)");
    }

    @Test
    void bindsMustHaveUniqueNames() {
        String yaml = """
                binds:
                  - {name: a, host: h, systemId: s}
                  - {name: a, host: h, systemId: s}
                """;
        GatewayConfigException e = assertThrows(GatewayConfigException.class, () -> GatewayConfig.parse(yaml, Map.of()));
        assertTrue(e.getMessage().contains("'a' twice"), e.getMessage());
    }

    @Test
    void passwordIsNotPrinted() {
        GatewayConfig c = GatewayConfig.load(SHIPPED, Map.of("SMPP_PASSWORD", "s3cr3t"));
        assertTrue(!c.toString().contains("s3cr3t"), c.toString());
    }

    private static void assertMessage(Map<String, String> env, String expected) {
        GatewayConfigException e = assertThrows(GatewayConfigException.class, () -> GatewayConfig.load(SHIPPED, env));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
