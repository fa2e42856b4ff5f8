package sa.civilaffairs.cc.console.visits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.resps.StreamEntry;
import sa.civilaffairs.cc.console.audit.redis.RedisAuditLog;
import sa.civilaffairs.cc.console.support.ConsoleClient;
import sa.civilaffairs.cc.console.support.People;
import sa.civilaffairs.cc.console.support.RunningConsole;
import sa.civilaffairs.cc.outbox.Lane;

class VisitsIT extends RunningConsole {
    @Test
    void anAgentFilesARequestOnARequestersBehalfAndTheRequesterIsToldBySms() {
        ConsoleClient agent = console.signedIn("agent1");
        JsonObject assessed = agent.post("/api/visits/assess", new JsonObject().put("beneficiary", People.ELDER))
                .expect(200).json();
        assertTrue(assessed.getBoolean("accepted"));
        assertEquals("ELIGIBLE", assessed.getString("eligibility"));

        JsonObject first = form(People.ELDER).put("requester", People.RESIDENT);
        JsonObject filed = submit(agent, first).expect(201).json();
        JsonObject request = filed.getJsonObject("request");
        assertEquals("SUBMITTED", request.getString("status"));
        assertEquals("ELIGIBLE", request.getString("eligibility"));
        assertEquals(People.RESIDENT, request.getString("requester"));
        assertEquals("agent1", request.getJsonArray("steps").getJsonObject(0).getString("by"));
        assertTrue(filed.getBoolean("smsQueued"));
        List<String> sms = console.outbox(Lane.NOTIFICATION);
        assertEquals(1, sms.size());
        assertTrue(sms.get(0).startsWith("visit.submitted.eligible " + People.RESIDENT_MOBILE), sms.get(0));
        assertTrue(sms.get(0).contains(request.getString("reference")));
        assertEquals(1, audit("VISIT_SUBMIT").size());

        // The same form sent twice (double click) files one request.
        JsonObject again = submit(agent, first.copy()).expect(201).json();
        assertEquals(request.getString("reference"), again.getJsonObject("request").getString("reference"));

        // The person card's history now shows it.
        JsonObject card = agent.post("/api/persons/lookup", new JsonObject().put("query", People.ELDER)).expect(200)
                .json().getJsonArray("persons").getJsonObject(0);
        JsonArray items = card.getJsonObject("history").getJsonArray("items");
        assertEquals("VISIT_REQUEST", items.getJsonObject(0).getString("kind"));
        assertEquals(request.getString("reference"), items.getJsonObject(0).getString("reference"));
    }

    @Test
    void onlyASupervisorOverridesTheRegistryAndOnlyWithAReason() {
        ConsoleClient agent = console.signedIn("agent1").language("en");
        // 40 years old, no disability: "85+" is refused by the registry's birth date.
        JsonObject refused = submit(agent, form(People.ADULT)).expectError(409, "VISIT_NOT_ELIGIBLE");
        assertTrue(refused.getJsonObject("fields").getString("category").contains("under 85"));
        submit(agent, form(People.ADULT).put("override", true).put("overrideReason", "bedridden"))
                .expectError(403, "OVERRIDE_FORBIDDEN");
        // As a patient the request is accepted for review.
        assertEquals("TO_REVIEW", submit(agent, form(People.ADULT).put("category", "PATIENT")).expect(201).json()
                .getJsonObject("request").getString("eligibility"));

        ConsoleClient supervisor = console.signedIn("supervisor1").language("en");
        JsonObject noReason = submit(supervisor, form(People.ADULT).put("override", true)).expectError(400,
                "INVALID_INPUT");
        assertEquals("Give the reason for the override.", noReason.getJsonObject("fields").getString("overrideReason"));
        JsonObject overridden = submit(supervisor, form(People.ELDER_TWO).put("category", "DISABILITY")
                .put("override", true).put("overrideReason", "medical report seen")).expect(201).json();
        assertEquals("OVERRIDDEN", overridden.getJsonObject("request").getString("eligibility"));
        assertEquals(List.of("medical report seen"), audit("VISIT_OVERRIDE").stream().map(f -> f.get("detail")).toList());
        submit(supervisor, form(People.DECEASED)).expectError(409, "VISIT_NOT_ELIGIBLE");
    }

    @Test
    void aRequestMovesThroughItsStepsWithWhoAndWhenAndAnSmsAtEachStep() {
        ConsoleClient agent = console.signedIn("agent1").language("en");
        String ref = submit(agent, form(People.ELDER)).expect(201).json().getJsonObject("request")
                .getString("reference");
        step(agent, ref, new JsonObject().put("status", "VISITED")).expectError(409, "ILLEGAL_STEP");
        step(agent, ref, new JsonObject().put("status", "CONTACTED")).expect(200);
        String day = LocalDate.now().plusDays(3).toString();
        JsonObject bad = step(agent, ref, new JsonObject().put("status", "SCHEDULED").put("date", "tomorrow")
                .put("from", "12:00").put("to", "09:00")).expectError(400, "INVALID_INPUT");
        JsonObject fields = bad.getJsonObject("fields");
        assertEquals("A date as YYYY-MM-DD.", fields.getString("date"));
        assertEquals("Must be after the start of the window.", fields.getString("to"));
        assertEquals("Required.", fields.getString("team"));
        JsonObject scheduled = step(agent, ref, new JsonObject().put("status", "SCHEDULED").put("date", day)
                .put("from", "09:00").put("to", "12:00").put("team", "Riyadh team 2")).expect(200).json()
                .getJsonObject("request");
        assertEquals("SCHEDULED", scheduled.getString("status"));
        assertEquals("Riyadh team 2", scheduled.getJsonObject("schedule").getString("team"));
        step(agent, ref, new JsonObject().put("status", "VISITED")).expect(200);
        JsonObject closed = step(agent, ref, new JsonObject().put("status", "CLOSED")).expect(200).json()
                .getJsonObject("request");
        JsonArray steps = closed.getJsonArray("steps");
        assertEquals(List.of("SUBMITTED", "CONTACTED", "SCHEDULED", "VISITED", "CLOSED"),
                steps.stream().map(s -> ((JsonObject) s).getString("status")).toList());
        steps.forEach(s -> assertEquals("agent1", ((JsonObject) s).getString("by")));
        List<String> sms = console.outbox(Lane.NOTIFICATION);
        assertEquals(List.of("visit.submitted.eligible", "visit.contacted", "visit.scheduled", "visit.visited",
                "visit.closed"), sms.stream().map(s -> s.split(" ")[0]).toList());
        assertTrue(sms.get(2).contains("09:00") && sms.get(2).contains("12:00"), sms.get(2));
        assertEquals(4, audit("VISIT_STEP").size());

        String other = submit(agent, form(People.ELDER_TWO)).expect(201).json().getJsonObject("request")
                .getString("reference");
        JsonObject noReason = step(agent, other, new JsonObject().put("status", "DECLINED"))
                .expectError(400, "INVALID_INPUT");
        assertTrue(noReason.getJsonObject("fields").containsKey("note"));
        assertEquals("DECLINED", step(agent, other, new JsonObject().put("status", "DECLINED")
                .put("note", "moved abroad")).expect(200).json().getJsonObject("request").getString("status"));
        assertTrue(console.outbox(Lane.NOTIFICATION).get(6).contains("moved abroad"));
        agent.get("/api/visits/200000000").expectError(404, "VISIT_NOT_FOUND");
    }

    @Test
    void theQueueFiltersByRegionStatusAndAge() {
        ConsoleClient agent = console.signedIn("agent1");
        String riyadh = submit(agent, form(People.ELDER)).expect(201).json().getJsonObject("request")
                .getString("reference");
        submit(agent, form(People.ELDER_TWO).put("region", "MAKKAH")).expect(201);
        assertEquals(2, queue(agent, "").size());
        JsonArray inRiyadh = queue(agent, "?region=RIYADH");
        assertEquals(1, inRiyadh.size());
        assertEquals(riyadh, inRiyadh.getJsonObject(0).getString("reference"));
        assertEquals(2, queue(agent, "?status=SUBMITTED").size());
        assertEquals(0, queue(agent, "?status=SCHEDULED").size());
        assertEquals(0, queue(agent, "?minAgeDays=1").size());
        agent.get("/api/visits/queue?minAgeDays=many").expectError(400, "INVALID_INPUT");
        agent.get("/api/visits/queue?status=LOST").expectError(400, "INVALID_INPUT");
    }

    @Test
    void everyFieldIsCheckedAndNothingIsFiled() {
        ConsoleClient agent = console.signedIn("agent1").language("en");
        JsonObject fields = submit(agent, new JsonObject().put("beneficiary", "12").put("requester", "abc")
                .put("contact", "12345").put("category", "YOUNG").put("placeType", "CAR").put("region", "MARS")
                .put("city", "x".repeat(61)).put("address", "").put("formToken", "!")).expectError(400,
                "INVALID_INPUT").getJsonObject("fields");
        for (String f : List.of("beneficiary", "requester", "contact", "category", "placeType", "region", "city",
                "address", "formToken")) {
            assertTrue(fields.containsKey(f), f + " has a message: " + fields);
        }
        assertEquals("A Saudi mobile: 05XXXXXXXX.", fields.getString("contact"));
        submit(agent, form(People.UNKNOWN)).expectError(404, "PERSON_NOT_FOUND");
        submit(agent, form(People.BROKEN)).expectError(503, "REGISTRY_UNAVAILABLE");
        assertEquals(0, queue(agent, "").size());
        assertEquals(List.of(), console.outbox(Lane.NOTIFICATION));
    }

    @Test
    void signedOutForgedAndWrongRoleRequestsAreRefused() {
        console.client().post("/api/visits", form(People.ELDER)).expectError(401, "SESSION_REQUIRED");
        console.client().get("/api/visits/queue").expectError(401, "SESSION_REQUIRED");
        ConsoleClient agent = console.signedIn("agent1");
        agent.postWithoutCsrf("/api/visits", form(People.ELDER)).expectError(403, "CSRF_REJECTED");
        agent.postWithCsrf("/api/visits/assess", new JsonObject().put("beneficiary", People.ELDER), "forged")
                .expectError(403, "CSRF_REJECTED");
        assertEquals(0, queue(agent, "").size());
        assertEquals(0, audit("VISIT_SUBMIT").size());
    }

    private JsonObject form(String beneficiary) {
        return new JsonObject().put("beneficiary", beneficiary).put("contact", "0500000002")
                .put("category", "AGE_85_PLUS").put("placeType", "HOME").put("region", "RIYADH")
                .put("city", "Riyadh").put("address", "Al Olaya, 12 King Fahd Rd").put("formToken", UUID.randomUUID().toString());
    }

    private static ConsoleClient.Reply submit(ConsoleClient c, JsonObject body) {
        return c.post("/api/visits", body);
    }

    private static ConsoleClient.Reply step(ConsoleClient c, String ref, JsonObject body) {
        return c.post("/api/visits/" + ref + "/step", body);
    }

    private static JsonArray queue(ConsoleClient c, String query) {
        return c.get("/api/visits/queue" + query).expect(200).json().getJsonArray("requests");
    }

    private List<Map<String, String>> audit(String action) {
        return redis.client().xrange(RedisAuditLog.KEY, "-", "+").stream().map(StreamEntry::getFields)
                .filter(f -> action.equals(f.get("action"))).toList();
    }
}
