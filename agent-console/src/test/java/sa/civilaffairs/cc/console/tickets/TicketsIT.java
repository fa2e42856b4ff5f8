package sa.civilaffairs.cc.console.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
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

class TicketsIT extends RunningConsole {
    @Test
    void aTicketIsOpenedRoutedAnsweredAndClosedWithAnSmsEachTime() {
        ConsoleClient agent = console.signedIn("agent1").language("en");
        JsonObject opened = agent.post("/api/tickets", ticket().put("nationalId", People.ELDER)
                .put("contact", "0500000001")).expect(201).json();
        JsonObject t = opened.getJsonObject("ticket");
        assertEquals("OPEN", t.getString("status"));
        assertEquals("MAKKAH", t.getString("region"));
        String ref = t.getString("reference");
        assertTrue(ref.startsWith("3"));
        JsonArray queue = agent.get("/api/tickets/queue?region=MAKKAH").expect(200).json().getJsonArray("tickets");
        assertEquals(ref, queue.getJsonObject(0).getString("reference"));
        assertEquals(0, agent.get("/api/tickets/queue?region=RIYADH").expect(200).json().getJsonArray("tickets")
                .size());
        for (String to : List.of("ROUTED", "IN_PROGRESS", "ANSWERED", "CLOSED")) {
            assertEquals(to, agent.post("/api/tickets/" + ref + "/step", new JsonObject().put("status", to)
                    .put("note", "step " + to)).expect(200).json().getJsonObject("ticket").getString("status"));
        }
        agent.post("/api/tickets/" + ref + "/step", new JsonObject().put("status", "ROUTED"))
                .expectError(409, "ILLEGAL_STEP");
        assertEquals(List.of("ticket.opened", "ticket.updated", "ticket.updated", "ticket.answered", "ticket.closed"),
                console.outbox(Lane.NOTIFICATION).stream().map(s -> s.split(" ")[0]).toList());
        assertEquals(4, audit("TICKET_STEP").size());
        JsonObject shown = agent.get("/api/tickets/" + ref).expect(200).json().getJsonObject("ticket");
        assertEquals(5, shown.getJsonArray("steps").size());
        assertEquals("agent1", shown.getJsonArray("steps").getJsonObject(4).getString("by"));

        JsonObject card = agent.post("/api/persons/lookup", new JsonObject().put("query", People.ELDER)).expect(200)
                .json().getJsonArray("persons").getJsonObject(0);
        assertTrue(card.getJsonObject("history").getJsonArray("items").stream()
                .anyMatch(i -> "TICKET".equals(((JsonObject) i).getString("kind"))));
    }

    @Test
    void anAnonymousSuggestionSendsNoSmsAndBadInputIsRefusedFieldByField() {
        ConsoleClient agent = console.signedIn("agent1").language("en");
        JsonObject anonymous = agent.post("/api/tickets", ticket().put("kind", "SUGGESTION")).expect(201).json();
        assertFalse(anonymous.getBoolean("smsQueued"));
        JsonObject fields = agent.post("/api/tickets", new JsonObject().put("kind", "PRAISE").put("region", "X")
                .put("text", "").put("nationalId", "1").put("contact", "abc").put("formToken", ""))
                .expectError(400, "INVALID_INPUT").getJsonObject("fields");
        for (String f : List.of("kind", "region", "text", "nationalId", "contact", "formToken")) {
            assertTrue(fields.containsKey(f), f + ": " + fields);
        }
        assertEquals("At most 1000 characters.", agent.post("/api/tickets", ticket().put("text", "x".repeat(1001)))
                .expectError(400, "INVALID_INPUT").getJsonObject("fields").getString("text"));
        agent.get("/api/tickets/300000000").expectError(404, "TICKET_NOT_FOUND");
        assertEquals(1, agent.get("/api/tickets/queue").expect(200).json().getJsonArray("tickets").size());
    }

    @Test
    void aLostReportGetsItsReplacementAppointmentAndIsClosed() {
        ConsoleClient agent = console.signedIn("agent1").language("en");
        JsonObject filed = agent.post("/api/lost", new JsonObject().put("nationalId", People.RESIDENT)
                .put("document", "IQAMA").put("where", "Olaya mall").put("formToken", UUID.randomUUID().toString()))
                .expect(201).json();
        JsonObject r = filed.getJsonObject("report");
        String ref = r.getString("reference");
        assertEquals("REPORTED", r.getString("status"));
        assertTrue(filed.getBoolean("smsQueued"), "the registry's mobile is the contact");
        JsonObject bad = agent.post("/api/lost/" + ref + "/replacement", new JsonObject().put("appointment", ref))
                .expectError(400, "INVALID_INPUT");
        assertTrue(bad.getJsonObject("fields").getString("appointment").startsWith("An appointment reference"));
        // A real appointment reference (what the booking screen gives back).
        String appointment = "1" + "0000000";
        appointment = appointment + damm(appointment);
        assertEquals("REPLACEMENT_BOOKED", agent.post("/api/lost/" + ref + "/replacement",
                new JsonObject().put("appointment", appointment)).expect(200).json().getJsonObject("report")
                .getString("status"));
        assertEquals("CLOSED", agent.post("/api/lost/" + ref + "/close", new JsonObject().put("note", "replaced"))
                .expect(200).json().getJsonObject("report").getString("status"));
        agent.post("/api/lost/" + ref + "/close", new JsonObject()).expectError(409, "ILLEGAL_STEP");
        assertEquals(List.of("lost.reported", "lost.replacement", "lost.closed"),
                console.outbox(Lane.NOTIFICATION).stream().map(s -> s.split(" ")[0]).toList());
        assertTrue(console.outbox(Lane.NOTIFICATION).get(1).contains(appointment));
        agent.post("/api/lost", new JsonObject().put("nationalId", People.UNKNOWN).put("document", "NATIONAL_ID")
                .put("formToken", UUID.randomUUID().toString())).expectError(404, "PERSON_NOT_FOUND");
        agent.post("/api/lost", new JsonObject().put("document", "PASSPORT").put("where", "x".repeat(201)))
                .expectError(400, "INVALID_INPUT");
        assertEquals(3, audit("LOST_STEP").size() + audit("LOST_REPORT").size());
    }

    @Test
    void signedOutAndForgedRequestsAreRefused() {
        console.client().post("/api/tickets", ticket()).expectError(401, "SESSION_REQUIRED");
        console.client().post("/api/lost", new JsonObject()).expectError(401, "SESSION_REQUIRED");
        ConsoleClient agent = console.signedIn("agent1");
        agent.postWithoutCsrf("/api/tickets", ticket()).expectError(403, "CSRF_REJECTED");
        agent.postWithoutCsrf("/api/lost", new JsonObject()).expectError(403, "CSRF_REJECTED");
        assertEquals(0, agent.get("/api/tickets/queue").expect(200).json().getJsonArray("tickets").size());
    }

    private static JsonObject ticket() {
        return new JsonObject().put("kind", "COMPLAINT").put("region", "MAKKAH")
                .put("text", "The office queue took three hours.").put("formToken", UUID.randomUUID().toString());
    }

    /** The Damm check digit that makes {@code digits} a valid reference. */
    private static int damm(String digits) {
        for (int d = 0; d < 10; d++) {
            try {
                new sa.civilaffairs.cc.reference.Reference(digits + d);
                return d;
            } catch (RuntimeException e) {
                // not this digit
            }
        }
        throw new AssertionError("no check digit");
    }

    private List<Map<String, String>> audit(String action) {
        return redis.client().xrange(RedisAuditLog.KEY, "-", "+").stream().map(StreamEntry::getFields)
                .filter(f -> action.equals(f.get("action"))).toList();
    }
}
