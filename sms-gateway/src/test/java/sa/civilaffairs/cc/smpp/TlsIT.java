package sa.civilaffairs.cc.smpp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.outbox.Lane;
import sa.civilaffairs.cc.outbox.OutboundSms;
import sa.civilaffairs.cc.outbox.redis.RedisOutbox;
import sa.civilaffairs.cc.smpp.config.GatewayConfig;
import sa.civilaffairs.cc.smpp.outbound.MtState;
import sa.civilaffairs.cc.smsc.SmscSimulator;
import sa.civilaffairs.cc.testkit.RedisExtension;
import sa.civilaffairs.cc.testkit.RedisHandle;
import sa.civilaffairs.cc.text.Language;

/** SMPP over TLS with the SMSC's certificate in the bind's own trust store; a certificate it does not trust fails. */
@ExtendWith(RedisExtension.class)
class TlsIT {
    private static final Duration WAIT = Duration.ofSeconds(15);

    private static void keytool(Path dir, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "keytool: " + out);
    }

    private static Path certificate(Path dir, String name) throws Exception {
        keytool(dir, "-genkeypair", "-alias", "smsc", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
                "-keystore", name + "-key.p12", "-storepass", "changeit");
        keytool(dir, "-exportcert", "-alias", "smsc", "-keystore", name + "-key.p12", "-storepass", "changeit",
                "-file", name + ".cer");
        keytool(dir, "-importcert", "-noprompt", "-alias", "smsc", "-file", name + ".cer", "-storetype", "PKCS12",
                "-keystore", name + "-trust.p12", "-storepass", "changeit");
        return dir;
    }

    private static GatewayConfig config(SmscSimulator sim, Path trust) {
        String yaml = """
                binds:
                  - name: tls
                    host: 127.0.0.1
                    port: %d
                    tls: true
                    trustStore: %s
                    trustStorePassword: changeit
                    systemId: %s
                    password: %s
                link:
                  bindTimeout: 3s
                  rebindMin: 100ms
                  rebindMax: 1s
                outbound:
                  consumer: tls-test
                http:
                  port: 0
                """.formatted(sim.port(), trust, sim.systemId(), sim.password());
        return GatewayConfig.parse(yaml, Map.of());
    }

    @Test
    void sendsOverTlsTrustingTheBindsOwnStore(@TempDir Path dir, RedisHandle redis) throws Exception {
        certificate(dir, "smsc");
        certificate(dir, "other");
        try (SmscSimulator sim = SmscSimulator.builder().tls(dir.resolve("smsc-key.p12"), "changeit").start()) {
            try (SmsGateway gateway = SmsGateway.start(config(sim, dir.resolve("smsc-trust.p12")), redis.settings())) {
                GatewayFixture.await("bound over TLS", WAIT, gateway::allBound);
                String id = new RedisOutbox(redis.client()).enqueue(new OutboundSms(UUID.randomUUID().toString(),
                        new Mobile("966501234567"), Lane.REPLY, Language.AR, "", "مرحبا", "", Instant.now()));
                GatewayFixture.awaitValue("delivered", WAIT,
                        () -> gateway.messages().status(id).filter(s -> s.state() == MtState.DELIVERED));
                assertEquals("مرحبا", sim.submitted().get(0).text());
            }
            try (SmsGateway untrusting = SmsGateway.start(config(sim, dir.resolve("other-trust.p12")),
                    redis.settings())) {
                GatewayFixture.await("refused", WAIT, () -> !untrusting.linkErrors().isEmpty());
                assertFalse(untrusting.allBound());
            }
        }
        assertTrue(Files.exists(dir.resolve("smsc.cer")));
    }
}
