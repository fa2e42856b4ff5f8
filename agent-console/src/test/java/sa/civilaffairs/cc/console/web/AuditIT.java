package sa.civilaffairs.cc.console.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import sa.civilaffairs.cc.console.support.ConsoleClient;
import sa.civilaffairs.cc.console.support.People;
import sa.civilaffairs.cc.console.support.RunningConsole;

class AuditIT extends RunningConsole {
    @Test
    void aSupervisorFindsWhoViewedAPerson() {
        lookup(console.signedIn("agent1"), People.ELDER);
        lookup(console.signedIn("agent2"), People.RESIDENT);
        lookup(console.signedIn("agent2"), People.ELDER);
        ConsoleClient supervisor = console.signedIn("supervisor1");

        JsonArray aboutElder = search(supervisor, new JsonObject().put("nationalId", People.ELDER));
        // The search itself is the newest entry about this person, then the two views, newest first.
        assertEquals(List.of("supervisor1", "agent2", "agent1"), actors(aboutElder));
        assertEquals("AUDIT_SEARCH", aboutElder.getJsonObject(0).getString("action"));
        assertTrue(aboutElder.stream().map(JsonObject.class::cast)
                .allMatch(e -> e.getString("nationalId").equals(People.ELDER)));
        assertEquals("PERSON_VIEW", aboutElder.getJsonObject(1).getString("action"));

        JsonArray byAgent2 = search(supervisor, new JsonObject().put("actor", "agent2"));
        Set<String> actions = new HashSet<>();
        byAgent2.forEach(e -> actions.add(((JsonObject) e).getString("action")));
        assertEquals(Set.of("SIGN_IN", "PERSON_VIEW"), actions);
        assertTrue(byAgent2.stream().map(JsonObject.class::cast).allMatch(e -> e.getString("actor").equals("agent2")));
    }

    @Test
    void theDateRangeBoundsTheSearch() {
        lookup(console.signedIn("agent1"), People.ELDER);
        ConsoleClient supervisor = console.signedIn("supervisor1");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Riyadh"));
        assertEquals(0, search(supervisor, new JsonObject().put("from", today.minusDays(10).toString())
                .put("to", today.minusDays(1).toString())).size());
        assertTrue(search(supervisor, new JsonObject().put("from", today.toString()).put("to", today.toString()))
                .size() > 0);
    }

    @Test
    void resultsComeInPagesWithACursor() {
        ConsoleClient agent = console.signedIn("agent1");
        for (int i = 0; i < 55; i++) {
            lookup(agent, People.RESIDENT);
        }
        ConsoleClient supervisor = console.signedIn("supervisor1");
        // agent1's entries: one sign-in and 55 views.
        JsonObject first = supervisor.post("/api/audit/search", new JsonObject().put("actor", "agent1"))
                .expect(200).json();
        assertEquals(50, first.getJsonArray("entries").size());
        assertNotNull(first.getString("next"));
        JsonObject second = supervisor.post("/api/audit/search", new JsonObject().put("actor", "agent1")
                .put("before", first.getString("next"))).expect(200).json();
        assertEquals(6, second.getJsonArray("entries").size());
        assertEquals("SIGN_IN", second.getJsonArray("entries").getJsonObject(5).getString("action"));
        assertNull(second.getString("next"));
    }

    @Test
    void searchingTheLogIsItselfAudited() {
        ConsoleClient admin = console.signedIn("admin1");
        search(admin, new JsonObject().put("nationalId", People.ELDER));
        JsonArray searches = search(admin, new JsonObject().put("actor", "admin1"));
        assertTrue(searches.stream().map(JsonObject.class::cast).anyMatch(e -> e.getString("action")
                .equals("AUDIT_SEARCH") && People.ELDER.equals(e.getString("nationalId"))));
    }

    @Test
    void agentsCannotSearchTheLog() {
        ConsoleClient agent = console.signedIn("agent1");
        agent.post("/api/audit/search", new JsonObject()).expectError(403, "FORBIDDEN");
    }

    @Test
    void badInputGetsAMessagePerField() {
        ConsoleClient supervisor = console.signedIn("supervisor1").language("en");
        JsonObject e = supervisor.post("/api/audit/search", new JsonObject().put("actor", "Not A User!")
                .put("nationalId", "12345").put("from", "yesterday").put("to", "2026-13-40").put("before", "x"))
                .expectError(400, "INVALID_INPUT");
        JsonObject f = e.getJsonObject("fields");
        assertTrue(f.getString("actor").startsWith("3 to 32"));
        assertTrue(f.getString("nationalId").startsWith("Enter a national ID"));
        assertEquals("A date as YYYY-MM-DD.", f.getString("from"));
        assertEquals("A date as YYYY-MM-DD.", f.getString("to"));
        assertTrue(f.getString("before").contains("search again"));

        JsonObject order = supervisor.post("/api/audit/search", new JsonObject().put("from", "2026-11-10")
                .put("to", "2026-11-01")).expectError(400, "INVALID_INPUT");
        assertEquals("Must not be before the start date.", order.getJsonObject("fields").getString("to"));
        JsonObject range = supervisor.post("/api/audit/search", new JsonObject().put("from", "2024-01-01")
                .put("to", "2026-01-01")).expectError(400, "INVALID_INPUT");
        assertEquals("At most 366 days.", range.getJsonObject("fields").getString("to"));
    }

    private static void lookup(ConsoleClient c, String id) {
        c.post("/api/persons/lookup", new JsonObject().put("query", id)).expect(200);
    }

    private static JsonArray search(ConsoleClient c, JsonObject query) {
        return c.post("/api/audit/search", query).expect(200).json().getJsonArray("entries");
    }

    private static List<String> actors(JsonArray entries) {
        return entries.stream().map(JsonObject.class::cast).map(e -> e.getString("actor")).toList();
    }
}
