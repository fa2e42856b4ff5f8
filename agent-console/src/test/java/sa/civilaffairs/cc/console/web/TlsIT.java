package sa.civilaffairs.cc.console.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import sa.civilaffairs.cc.console.support.ConsoleClient;
import sa.civilaffairs.cc.console.support.ConsoleHarness;
import sa.civilaffairs.cc.testkit.RedisExtension;
import sa.civilaffairs.cc.testkit.RedisHandle;

/** The console terminating TLS itself: Secure, __Host- prefixed session cookie and HSTS. */
@ExtendWith({VertxExtension.class, RedisExtension.class})
class TlsIT {
    private ConsoleHarness console;
    private Vertx vertx;

    @BeforeEach
    void start(Vertx vertx, RedisHandle redis, @TempDir Path dir) throws Exception {
        this.vertx = vertx;
        Path keyStore = dir.resolve("console.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "console", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", keyStore.toString(),
                "-storepass", "test-pass", "-keypass", "test-pass").redirectErrorStream(true).start();
        assertTrue(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0,
                new String(keytool.getInputStream().readAllBytes()));
        assertTrue(Files.size(keyStore) > 0);
        Map<String, String> env = ConsoleHarness.testEnv();
        env.put("CONSOLE_TLS_KEYSTORE", keyStore.toString());
        env.put("CONSOLE_TLS_PASSWORD", "test-pass");
        console = ConsoleHarness.start(vertx, redis, env);
    }

    @AfterEach
    void stop() {
        console.close();
    }

    @Test
    void overTlsTheSessionCookieIsSecureAndHostBound() {
        ConsoleClient agent = ConsoleClient.tls(vertx, console.port);
        ConsoleClient.Reply r = agent.signIn("agent1", "agent1-demo-pass").expect(200);
        String cookie = r.setCookies().stream().filter(c -> c.startsWith("__Host-cc_session=")).findFirst()
                .orElseThrow(() -> new AssertionError(r.setCookies().toString()));
        assertTrue(cookie.contains("Secure"), cookie);
        assertTrue(cookie.contains("SameSite=Strict"), cookie);
        assertTrue(cookie.contains("Path=/"), cookie);
        assertEquals("max-age=31536000", r.header("Strict-Transport-Security"));
        assertEquals("agent1", agent.get("/api/session").expect(200).json().getString("username"));
    }
}
