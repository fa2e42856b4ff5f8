package sa.civilaffairs.cc.console.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.resps.StreamEntry;
import sa.civilaffairs.cc.console.ConsoleServer;
import sa.civilaffairs.cc.console.audit.redis.RedisAuditLog;
import sa.civilaffairs.cc.console.config.ConsoleConfig;
import sa.civilaffairs.cc.console.session.redis.RedisSessions;
import sa.civilaffairs.cc.console.support.ConsoleClient;
import sa.civilaffairs.cc.console.support.ConsoleHarness;
import sa.civilaffairs.cc.console.support.RunningConsole;

class SignInIT extends RunningConsole {
    @Test
    void signsInWithAStrictHttpOnlySessionCookieAndACsrfToken() {
        ConsoleClient agent = console.client();
        JsonObject me = agent.signIn("agent1", "agent1-demo-pass").expect(200).json();
        assertEquals("agent", me.getString("role"));
        assertTrue(me.getString("csrfToken").length() >= 32);
        String cookie = agent.signIn("agent1", "agent1-demo-pass").setCookies().stream()
                .filter(c -> c.startsWith("cc_session=")).findFirst().orElseThrow();
        assertTrue(cookie.toLowerCase(java.util.Locale.ROOT).contains("httponly"), cookie);
        assertTrue(cookie.contains("SameSite=Strict"), cookie);
        assertTrue(cookie.contains("Path=/"), cookie);
        assertFalse(cookie.contains("Secure"), "plain HTTP on loopback: " + cookie);
        assertEquals("agent1", agent.get("/api/session").expect(200).json().getString("username"));
        assertEquals(2, auditActions().stream().filter("SIGN_IN"::equals).count(), "two sign-ins, two entries");
    }

    @Test
    void wrongPasswordAndUnknownAccountGetTheSameRefusal() {
        JsonObject wrong = console.client().signIn("agent1", "not-the-password").json();
        JsonObject unknown = console.client().signIn("nobody", "not-the-password").json();
        assertEquals("SIGN_IN_REFUSED", wrong.getString("code"));
        assertEquals(wrong, unknown);
        assertEquals(List.of("SIGN_IN_REFUSED", "SIGN_IN_REFUSED"), auditActions());
        console.client().get("/api/session").expectError(401, "SESSION_REQUIRED");
    }

    @Test
    void anAccountIsThrottledAfterItsFailuresEvenWithTheRightPassword() {
        for (int i = 0; i < 3; i++) {
            console.client().signIn("agent2", "guess-" + i).expectError(401, "SIGN_IN_REFUSED");
        }
        ConsoleClient.Reply locked = console.client().signIn("agent2", "agent2-demo-pass");
        locked.expectError(429, "SIGN_IN_THROTTLED");
        long retryAfter = Long.parseLong(locked.header("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= 15 * 60, "Retry-After " + retryAfter);
        // Another account from the same address is not locked yet (3 < 6 address failures).
        console.client().signIn("agent1", "agent1-demo-pass").expect(200);
    }

    @Test
    void anAddressIsThrottledAfterFailuresAcrossAccounts() {
        String[] names = {"agent1", "agent2", "supervisor1", "admin1", "agent1", "agent2"};
        for (String name : names) {
            console.client().signIn(name, "wrong-password").expect(401);
        }
        console.client().signIn("supervisor1", "supervisor1-demo-pass").expectError(429, "SIGN_IN_THROTTLED");
    }

    @Test
    void aSuccessfulSignInClearsTheAccountCount() {
        console.client().signIn("agent1", "wrong-1").expect(401);
        console.client().signIn("agent1", "wrong-2").expect(401);
        console.client().signIn("agent1", "agent1-demo-pass").expect(200);
        console.client().signIn("agent1", "wrong-3").expect(401);
        console.client().signIn("agent1", "agent1-demo-pass").expect(200);
    }

    @Test
    void signOutEndsTheSessionOnTheServer() {
        ConsoleClient agent = console.signedIn("agent1");
        agent.post("/api/sign-out", new JsonObject()).expect(200);
        agent.get("/api/session").expectError(401, "SESSION_REQUIRED");
        assertTrue(auditActions().contains("SIGN_OUT"));
    }

    @Test
    void anIdleSessionExpiresAndEveryRequestRestartsTheIdleClock() throws Exception {
        ConsoleClient agent = console.signedIn("agent1");
        String token = agent.sessionCookie().substring("cc_session=".length());
        String key = RedisSessions.key(token);
        long idle = Duration.ofMinutes(30).toMillis();
        assertTrue(redis.client().pttl(key) > idle - 60_000, "idle timeout from config/console.yaml");

        redis.client().pexpire(key, 50_000);
        agent.get("/api/session").expect(200);
        assertTrue(redis.client().pttl(key) > 50_000, "a request pushed the expiry back");

        // Let the idle timeout run out (Redis expires the key), then the session is gone.
        redis.client().pexpire(key, 1);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (redis.client().exists(key) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertFalse(redis.client().exists(key));
        ConsoleClient.Reply expired = agent.get("/api/session");
        expired.expectError(401, "SESSION_REQUIRED");
        assertTrue(expired.setCookies().stream().anyMatch(c -> c.startsWith("cc_session=;") && c.contains("Max-Age=0")),
                "the stale cookie is cleared: " + expired.setCookies());
    }

    @Test
    void sessionsAreSharedByConsoleInstancesOnTheSameRedis(Vertx vertx) {
        ConsoleClient first = console.signedIn("supervisor1");
        try (ConsoleServer second = new ConsoleServer().vertx(vertx)) {
            int port = second.start(ConsoleConfig.load(ConsoleHarness.CONFIG, ConsoleHarness.testEnv()),
                    redis.client(), new sa.civilaffairs.cc.registry.http.HttpCivilRegistry(console.registry.settings()));
            assertNotEquals(console.port, port);
            ConsoleClient other = ConsoleClient.plain(vertx, port).sameSessionAs(first);
            assertEquals("supervisor1", other.get("/api/session").expect(200).json().getString("username"));
        }
    }

    @Test
    void badInputGetsAMessagePerFieldInTheUsersLanguage() {
        JsonObject ar = console.client().post("/api/sign-in", new JsonObject()).expectError(400, "INVALID_INPUT");
        assertNotNull(ar.getJsonObject("fields").getString("username"));
        assertNotNull(ar.getJsonObject("fields").getString("password"));
        assertEquals("هذا الحقل مطلوب.", ar.getJsonObject("fields").getString("username"));

        JsonObject en = console.client().language("en").post("/api/sign-in",
                new JsonObject().put("username", "x".repeat(65)).put("password", "p")).expectError(400, "INVALID_INPUT");
        assertEquals("At most 64 characters.", en.getJsonObject("fields").getString("username"));
        assertFalse(en.getJsonObject("fields").containsKey("password"));

        console.client().raw(HttpMethod.POST, "/api/sign-in", "application/json", "{not json")
                .expectError(400, "BAD_JSON");
        console.client().raw(HttpMethod.POST, "/api/sign-in", "application/x-www-form-urlencoded",
                "username=agent1&password=agent1-demo-pass").expectError(415, "NOT_JSON");
        console.client().raw(HttpMethod.POST, "/api/sign-in", "application/json",
                "{\"username\":\"agent1\",\"password\":\"agent1-demo-pass\"}", "Origin", "https://evil.example")
                .expectError(403, "CROSS_SITE");
        console.client().raw(HttpMethod.POST, "/api/sign-in", "application/json",
                "{\"username\":\"agent1\",\"password\":\"agent1-demo-pass\"}", "Sec-Fetch-Site", "cross-site")
                .expectError(403, "CROSS_SITE");
        console.client().raw(HttpMethod.POST, "/api/sign-in", "application/json",
                "{\"username\":\"agent1\",\"password\":\"" + "x".repeat(20_000) + "\"}")
                .expectError(413, "BODY_TOO_LARGE");
    }

    private List<String> auditActions() {
        return redis.client().xrange(RedisAuditLog.KEY, "-", "+").stream().map(StreamEntry::getFields)
                .map(f -> f.get("action")).toList();
    }
}
