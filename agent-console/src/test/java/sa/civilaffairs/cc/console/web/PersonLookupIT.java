package sa.civilaffairs.cc.console.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.resps.StreamEntry;
import sa.civilaffairs.cc.console.audit.redis.RedisAuditLog;
import sa.civilaffairs.cc.console.support.ConsoleClient;
import sa.civilaffairs.cc.console.support.People;
import sa.civilaffairs.cc.console.support.RunningConsole;

class PersonLookupIT extends RunningConsole {
    @Test
    void anAgentSeesTheCardWithTheMobileMaskedAndNoBirthDate() {
        JsonObject answer = lookup(console.signedIn("agent1"), People.ELDER).expect(200).json();
        assertEquals("nationalId", answer.getString("by"));
        JsonObject card = answer.getJsonArray("persons").getJsonObject(0);
        assertEquals(People.ELDER, card.getString("nationalId"));
        assertEquals("عبدالله الحربي", card.getString("nameAr"));
        assertEquals("********0001", card.getString("mobile"));
        assertTrue(card.getBoolean("mobileMasked"));
        assertNull(card.getString("birthDate"));
        assertTrue(card.getInteger("age") >= 90);
        assertTrue(card.getBoolean("taqdeerEligible"));
        assertTrue(card.getJsonObject("history").getBoolean("connected"), "the case stores feed the history");
    }

    @Test
    void aSupervisorSeesTheMobileAndBirthDate() {
        JsonObject card = lookup(console.signedIn("supervisor1"), People.RESIDENT).expect(200).json()
                .getJsonArray("persons").getJsonObject(0);
        assertEquals("0500000002", card.getString("mobile"));
        assertFalse(card.getBoolean("mobileMasked"));
        assertEquals("1990-07-15", card.getString("birthDate"));
        assertFalse(card.getBoolean("taqdeerEligible"));
    }

    @Test
    void everyViewIsAuditedWithTheFullNationalId() {
        lookup(console.signedIn("agent1"), People.ELDER).expect(200);
        List<Map<String, String>> views = audit("PERSON_VIEW");
        assertEquals(1, views.size());
        assertEquals("agent1", views.get(0).get("actor"));
        assertEquals("agent", views.get(0).get("role"));
        assertEquals(People.ELDER, views.get(0).get("nid"));
    }

    @Test
    void digitsInArabicScriptWithSpacesAreAccepted() {
        String arabic = People.ELDER.chars().mapToObj(c -> String.valueOf((char) ('\u0660' + (c - '0'))))
                .reduce("", String::concat);
        String typed = arabic.substring(0, 4) + " " + arabic.substring(4);
        lookup(console.signedIn("agent1"), typed).expect(200);
    }

    @Test
    void lookupByMobileFindsPeopleTheRegistryStillListsWithIt() {
        ConsoleClient agent = console.signedIn("agent1");
        lookup(agent, "0500000001").expectError(404, "MOBILE_NOT_KNOWN");
        lookup(agent, People.ELDER).expect(200);
        JsonObject byMobile = lookup(agent, "+966 50 000 0001").expect(200).json();
        assertEquals("mobile", byMobile.getString("by"));
        assertEquals(People.ELDER, byMobile.getJsonArray("persons").getJsonObject(0).getString("nationalId"));
        assertEquals(2, audit("PERSON_VIEW").size());

        // The registry now lists another mobile for this person: the old hint must not show them.
        People.person(console.registry, People.ELDER, "عبدالله الحربي", "Abdullah Al-Harbi", "1936-03-01", "M",
                "966500000009", "CITIZEN", false);
        lookup(agent, "0500000001").expectError(404, "MOBILE_NOT_KNOWN");
        assertEquals(2, audit("PERSON_VIEW").size());
    }

    @Test
    void unknownPeopleAndARegistryOutageAreToldApartAndNothingIsShownOrAudited() {
        ConsoleClient agent = console.signedIn("agent1");
        JsonObject notFound = lookup(agent, People.UNKNOWN).expectError(404, "PERSON_NOT_FOUND");
        assertTrue(notFound.getString("message").contains("السجل المدني"));
        lookup(agent, People.BROKEN).expectError(503, "REGISTRY_UNAVAILABLE");
        console.registry.stubStatus(new sa.civilaffairs.cc.identity.NationalId(People.RESIDENT), 503, "");
        JsonObject down = lookup(agent.language("en"), People.RESIDENT).expectError(503, "REGISTRY_UNAVAILABLE");
        assertTrue(down.getString("message").startsWith("The civil registry cannot be reached"));
        assertEquals(0, audit("PERSON_VIEW").size());
    }

    @Test
    void badInputGetsAClearMessageForTheQueryField() {
        ConsoleClient agent = console.signedIn("agent1").language("en");
        assertEquals("Required.", field(lookup(agent, ""), "query"));
        assertTrue(field(lookup(agent, "abc"), "query").startsWith("Enter a national ID"));
        assertTrue(field(lookup(agent, "12345"), "query").startsWith("Enter a national ID"));
        String badCheck = People.ELDER.substring(0, 9) + ((People.ELDER.charAt(9) - '0' + 1) % 10);
        assertTrue(field(lookup(agent, badCheck), "query").contains("check digit"));
        assertEquals("At most 32 characters.", field(lookup(agent, "1".repeat(33)), "query"));
        assertTrue(field(lookup(agent, "0123456789"), "query").startsWith("Enter a national ID"), "landline");
        assertEquals("Required.", field(agent.post("/api/persons/lookup", new JsonObject().put("query", true)),
                "query"), "not a string");
        assertEquals(0, audit("PERSON_VIEW").size());
    }

    @Test
    void revealingTheMobileIsAuditedAndShowsItInFull() {
        ConsoleClient agent = console.signedIn("agent1");
        JsonObject shown = agent.post("/api/persons/reveal-mobile", new JsonObject().put("nationalId", People.ELDER))
                .expect(200).json();
        assertEquals("0500000001", shown.getString("mobile"));
        List<Map<String, String>> reveals = audit("MOBILE_REVEAL");
        assertEquals(1, reveals.size());
        assertEquals(People.ELDER, reveals.get(0).get("nid"));
        assertEquals("agent1", reveals.get(0).get("actor"));

        agent.post("/api/persons/reveal-mobile", new JsonObject().put("nationalId", People.NO_MOBILE))
                .expectError(404, "NO_MOBILE");
        agent.post("/api/persons/reveal-mobile", new JsonObject().put("nationalId", People.UNKNOWN))
                .expectError(404, "PERSON_NOT_FOUND");
        agent.post("/api/persons/reveal-mobile", new JsonObject().put("nationalId", People.BROKEN))
                .expectError(503, "REGISTRY_UNAVAILABLE");
        assertEquals(1, audit("MOBILE_REVEAL").size());
    }

    @Test
    void revealRefusesBadInputPerField() {
        ConsoleClient agent = console.signedIn("agent1").language("en");
        assertEquals("Required.", field(agent.post("/api/persons/reveal-mobile", new JsonObject()), "nationalId"));
        assertTrue(field(agent.post("/api/persons/reveal-mobile", new JsonObject().put("nationalId", "0500000001")),
                "nationalId").startsWith("Enter a national ID"));
    }

    private static ConsoleClient.Reply lookup(ConsoleClient c, String query) {
        return c.post("/api/persons/lookup", new JsonObject().put("query", query));
    }

    private static String field(ConsoleClient.Reply r, String name) {
        JsonObject e = r.expectError(400, "INVALID_INPUT");
        return e.getJsonObject("fields").getString(name);
    }

    private List<Map<String, String>> audit(String action) {
        return redis.client().xrange(RedisAuditLog.KEY, "-", "+").stream().map(StreamEntry::getFields)
                .filter(f -> action.equals(f.get("action"))).toList();
    }
}
