package sa.civilaffairs.cc.console.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import sa.civilaffairs.cc.console.support.ConsoleClient;
import sa.civilaffairs.cc.console.support.People;
import sa.civilaffairs.cc.console.support.RunningConsole;

/** Every route's role check, CSRF check and security headers, route by route. */
class AccessIT extends RunningConsole {
    /** The API route table: method, path, least role, a valid body. Keep in step with HttpVerticle.start(). */
    record Route(HttpMethod method, String path, String role, JsonObject body) {
        boolean changesState() {
            return method != HttpMethod.GET;
        }
    }

    static final List<Route> API = List.of(
            new Route(HttpMethod.POST, "/api/sign-out", "agent", new JsonObject()),
            new Route(HttpMethod.GET, "/api/session", "agent", null),
            new Route(HttpMethod.POST, "/api/persons/lookup", "agent", new JsonObject().put("query", People.ELDER)),
            new Route(HttpMethod.POST, "/api/persons/reveal-mobile", "agent",
                    new JsonObject().put("nationalId", People.ELDER)),
            new Route(HttpMethod.POST, "/api/audit/search", "supervisor", new JsonObject()),
            new Route(HttpMethod.GET, "/api/appointments/choices?service=ID_RENEWAL", "agent", null),
            new Route(HttpMethod.POST, "/api/appointments/of", "agent", new JsonObject().put("nationalId", People.ELDER)),
            new Route(HttpMethod.POST, "/api/visits/assess", "agent", new JsonObject().put("beneficiary", People.ELDER)),
            new Route(HttpMethod.GET, "/api/visits/queue", "agent", null),
            new Route(HttpMethod.GET, "/api/tickets/queue", "agent", null),
            new Route(HttpMethod.GET, "/api/users", "admin", null),
            new Route(HttpMethod.POST, "/api/users", "admin", new JsonObject().put("username", "agent9")
                    .put("displayName", "Agent Nine").put("role", "agent").put("password", "a-long-enough-password")));

    static final Map<String, List<String>> ROLES_BELOW = Map.of(
            "agent", List.of(), "supervisor", List.of("agent1"), "admin", List.of("agent1", "supervisor1"));
    static final Map<String, String> ACCOUNT_OF = Map.of("agent", "agent1", "supervisor", "supervisor1",
            "admin", "admin1");

    @Test
    void everyApiRouteRefusesARequestWithoutASession() {
        ConsoleClient anonymous = console.client();
        for (Route r : API) {
            anonymous.send(r.method(), r.path(), r.body(), null).expectError(401, "SESSION_REQUIRED");
        }
    }

    @Test
    void everyApiRouteRefusesRolesBelowItsOwn() {
        for (Route r : API) {
            for (String account : ROLES_BELOW.get(r.role())) {
                ConsoleClient c = console.signedIn(account);
                c.send(r.method(), r.path(), r.body(), c.csrfToken()).expectError(403, "FORBIDDEN");
            }
        }
    }

    @Test
    void everyApiRouteServesItsOwnRoleAndTheRolesAbove() {
        for (Route r : API) {
            for (String role : List.of("agent", "supervisor", "admin")) {
                if (!ACCOUNT_OF.keySet().contains(role) || rank(role) < rank(r.role())) {
                    continue;
                }
                ConsoleClient c = console.signedIn(ACCOUNT_OF.get(role));
                int status = c.send(r.method(), r.path(), r.body(), c.csrfToken()).status();
                assertTrue(status == 200 || status == 201 || status == 409,
                        role + " " + r.method() + " " + r.path() + " -> " + status);
            }
        }
    }

    @Test
    void everyStateChangingRouteRefusesAMissingOrWrongCsrfToken() {
        for (Route r : API) {
            if (!r.changesState()) {
                continue;
            }
            ConsoleClient c = console.signedIn(ACCOUNT_OF.get(r.role()));
            c.send(r.method(), r.path(), r.body(), null).expectError(403, "CSRF_REJECTED");
            c.send(r.method(), r.path(), r.body(), "x".repeat(43)).expectError(403, "CSRF_REJECTED");
            // Another session's token is no good either: the token is bound to its session.
            ConsoleClient other = console.signedIn(ACCOUNT_OF.get(r.role()));
            assertNotEquals(other.csrfToken(), c.csrfToken());
            c.send(r.method(), r.path(), r.body(), other.csrfToken()).expectError(403, "CSRF_REJECTED");
            c.get("/api/session").expect(200);
        }
    }

    @Test
    void pagesSendStrangersToSignInAndRefuseRolesBelowTheirs() {
        ConsoleClient anonymous = console.client();
        for (String page : List.of("/", "/audit", "/users", "/appointments", "/visits", "/tickets")) {
            ConsoleClient.Reply r = anonymous.get(page).expect(303);
            assertEquals("/sign-in", r.header("Location"));
        }
        anonymous.get("/sign-in").expect(200);
        ConsoleClient agent = console.signedIn("agent1");
        agent.get("/").expect(200);
        assertTrue(agent.get("/audit").expect(403).body().contains("صلاحيات"));
        agent.get("/users").expect(403);
        assertEquals("/", agent.get("/sign-in").expect(303).header("Location"));
        ConsoleClient supervisor = console.signedIn("supervisor1");
        supervisor.get("/audit").expect(200);
        supervisor.get("/users").expect(403);
        console.signedIn("admin1").get("/users").expect(200);
    }

    @Test
    void theMenuShowsOnlyWhatTheRoleMayOpen() {
        String agentPage = console.signedIn("agent1").get("/").body();
        assertFalse(agentPage.contains("href=\"/audit\""));
        assertFalse(agentPage.contains("href=\"/users\""));
        String adminPage = console.signedIn("admin1").get("/").body();
        assertTrue(adminPage.contains("href=\"/audit\""));
        assertTrue(adminPage.contains("href=\"/users\""));
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        ConsoleClient agent = console.signedIn("agent1");
        List<ConsoleClient.Reply> replies = List.of(
                console.client().get("/sign-in"), agent.get("/"), agent.get("/api/session"),
                console.client().get("/api/session"), agent.get("/api/nothing-here"), agent.get("/nothing-here"),
                agent.get("/static/console.js"), agent.get("/static/console.css"),
                agent.get("/webjars/bootstrap/5.3.8/css/bootstrap.rtl.min.css"), console.client().get("/health"));
        for (ConsoleClient.Reply r : replies) {
            String csp = r.header("Content-Security-Policy");
            assertEquals(SecurityHeaders.CSP, csp, "CSP on " + r.response().statusCode());
            assertTrue(csp.contains("frame-ancestors 'none'"));
            assertFalse(csp.contains("unsafe-inline"));
            assertEquals("nosniff", r.header("X-Content-Type-Options"));
            assertEquals("no-referrer", r.header("Referrer-Policy"));
            assertEquals("DENY", r.header("X-Frame-Options"));
        }
        assertEquals("no-store", agent.get("/api/session").header("Cache-Control"));
        console.client().get("/static/console.js").expect(200);
        console.client().get("/webjars/bootstrap/5.3.8/css/bootstrap.min.css").expect(200);
    }

    @Test
    void pagesHaveNoInlineScriptOrStyle() {
        ConsoleClient admin = console.signedIn("admin1");
        for (String page : List.of("/", "/audit", "/users", "/appointments", "/visits", "/tickets")) {
            assertNoInline(admin.get(page).expect(200).body());
        }
        assertNoInline(console.client().get("/sign-in").expect(200).body());
    }

    @Test
    void unknownRoutesAndMethodsAnswerJsonErrors() {
        ConsoleClient agent = console.signedIn("agent1");
        agent.get("/api/nothing-here").expectError(404, "NOT_FOUND");
        JsonObject en = console.client().language("en").get("/api/nothing-here").expectError(404, "NOT_FOUND");
        assertEquals("Not found.", en.getString("message"));
        int delete = agent.send(HttpMethod.DELETE, "/api/audit/search", null, agent.csrfToken()).status();
        assertTrue(delete == 404 || delete == 405, "no route deletes audit entries: " + delete);
    }

    @Test
    void whenRedisIsDownRequestsAreRefusedWithA503NotAHang() {
        ConsoleClient agent = console.signedIn("agent1");
        redis.server().kill();
        try {
            agent.post("/api/persons/lookup", new JsonObject().put("query", People.ELDER))
                    .expectError(503, "STORE_UNAVAILABLE");
            assertEquals(503, agent.get("/").status());
        } finally {
            redis.server().startAgain();
        }
    }

    private static void assertNoInline(String html) {
        assertFalse(html.matches("(?s).*<script(?![^>]*\\bsrc=)(?![^>]*type=\"application/json\")[^>]*>.*"),
                "no inline executable script");
        assertFalse(html.contains("<style"), "no style element");
        assertFalse(html.matches("(?s).*\\sstyle=\".*"), "no style attribute");
        assertFalse(html.matches("(?s).*\\son[a-z]+=\".*"), "no inline event handler");
        assertTrue(html.contains("<html lang=\"ar\" dir=\"rtl\">"), "Arabic RTL by default");
        assertTrue(html.contains("bootstrap.rtl.min.css"));
    }

    private static int rank(String role) {
        return List.of("agent", "supervisor", "admin").indexOf(role);
    }
}
