package sa.civilaffairs.cc.console.appointments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.params.XAddParams;
import redis.clients.jedis.resps.StreamEntry;
import sa.civilaffairs.cc.console.audit.redis.RedisAuditLog;
import sa.civilaffairs.cc.console.person.redis.RedisSmsHistory;
import sa.civilaffairs.cc.console.session.redis.RedisSessions;
import sa.civilaffairs.cc.console.support.ConsoleClient;
import sa.civilaffairs.cc.console.support.People;
import sa.civilaffairs.cc.console.support.RunningConsole;
import sa.civilaffairs.cc.outbox.Lane;

class AppointmentsIT extends RunningConsole {
    /** A slot found the way the page finds it: service → region → office → section → day → time. */
    record Slot(String service, String office, String section, String date, String time, int free) {
        JsonObject form(String nationalId) {
            return new JsonObject().put("nationalId", nationalId).put("service", service).put("office", office)
                    .put("section", section).put("date", date).put("time", time)
                    .put("formToken", UUID.randomUUID().toString());
        }
    }

    private Slot walk(ConsoleClient c, String service, int dayIndex, int timeIndex) {
        JsonObject all = choices(c, "");
        assertEquals(9, all.getJsonArray("services").size());
        assertFalse(all.containsKey("regions"));
        JsonArray regions = choices(c, "?service=" + service).getJsonArray("regions");
        assertTrue(regions.stream().anyMatch(r -> "RIYADH".equals(((JsonObject) r).getString("code"))));
        JsonArray offices = choices(c, "?service=" + service + "&region=RIYADH").getJsonArray("offices");
        String office = offices.getJsonObject(0).getString("id");
        JsonArray sections = choices(c, "?service=" + service + "&region=RIYADH&office=" + office)
                .getJsonArray("sections");
        String section = sections.getJsonObject(0).getString("code");
        String base = "?service=" + service + "&office=" + office + "&section=" + section;
        JsonArray days = choices(c, base).getJsonArray("days");
        assertFalse(days.isEmpty(), "bookable days");
        String date = days.getJsonObject(dayIndex).getString("date");
        JsonArray times = choices(c, base + "&date=" + date).getJsonArray("times");
        JsonObject t = times.getJsonObject(timeIndex);
        return new Slot(service, office, section, date, t.getString("time"), t.getInteger("free"));
    }

    /** A slot of tomorrow-or-later with exactly one place (a one-counter service), the {@code index}-th of its day. */
    private Slot lastPlace(ConsoleClient c, int index) {
        String service = "DEATH_REGISTRATION";
        for (Object r : choices(c, "?service=" + service).getJsonArray("regions")) {
            String region = ((JsonObject) r).getString("code");
            for (Object o : choices(c, "?service=" + service + "&region=" + region).getJsonArray("offices")) {
                String office = ((JsonObject) o).getString("id");
                for (Object sec : choices(c, "?service=" + service + "&region=" + region + "&office=" + office)
                        .getJsonArray("sections")) {
                    String section = ((JsonObject) sec).getString("code");
                    String base = "?service=" + service + "&office=" + office + "&section=" + section;
                    String date = choices(c, base).getJsonArray("days").getJsonObject(1).getString("date");
                    JsonObject t = choices(c, base + "&date=" + date).getJsonArray("times").getJsonObject(index);
                    if (t.getInteger("free") == 1) {
                        return new Slot(service, office, section, date, t.getString("time"), 1);
                    }
                }
            }
        }
        throw new AssertionError("no one-place slot in the catalogue");
    }

    private int freeAt(ConsoleClient c, Slot s) {
        JsonArray times = choices(c, "?service=" + s.service() + "&office=" + s.office() + "&section=" + s.section()
                + "&date=" + s.date()).getJsonArray("times");
        return times.stream().map(o -> (JsonObject) o).filter(o -> o.getString("time").equals(s.time()))
                .mapToInt(o -> o.getInteger("free")).findFirst().orElse(0);
    }

    @Test
    void anAgentBooksFromLiveAvailabilityAndTheCitizenGetsTheSms() {
        ConsoleClient agent = console.signedIn("agent1");
        Slot slot = walk(agent, "ID_RENEWAL", 1, 0);
        JsonObject form = slot.form(People.ELDER);
        JsonObject answer = agent.post("/api/appointments", form).expect(201).json();
        JsonObject a = answer.getJsonObject("appointment");
        assertEquals("BOOKED", a.getString("status"));
        assertEquals(slot.time(), a.getString("time"));
        assertEquals("CONSOLE", a.getString("channel"));
        assertTrue(a.getString("reference").startsWith("1"));
        assertTrue(answer.getBoolean("smsQueued"));
        assertEquals(slot.free() - 1, freeAt(agent, slot), "the place is taken in the shared book");

        List<String> sms = console.outbox(Lane.NOTIFICATION);
        assertEquals(1, sms.size());
        assertTrue(sms.get(0).startsWith("appointment.confirmed " + People.ELDER_MOBILE + " "), sms.get(0));
        assertTrue(sms.get(0).contains(a.getString("reference")) && sms.get(0).contains(slot.time()), sms.get(0));

        // The same form sent again (double click, lost answer) books nothing more and sends no second SMS.
        assertEquals(a.getString("reference"), agent.post("/api/appointments", form.copy()).expect(201).json()
                .getJsonObject("appointment").getString("reference"));
        assertEquals(1, console.outbox(Lane.NOTIFICATION).size());
        assertEquals(slot.free() - 1, freeAt(agent, slot));

        // A second booking of the same service is refused, naming the existing appointment.
        JsonObject twice = agent.language("en").post("/api/appointments", walk(agent, "ID_RENEWAL", 2, 0)
                .form(People.ELDER)).expectError(409, "ALREADY_BOOKED");
        assertTrue(twice.getString("message").contains(a.getString("reference")));

        // The caller had also texted the short code: the card shows the appointment and both SMS.
        redis.client().xadd(RedisSmsHistory.INBOUND, XAddParams.xAddParams(),
                Map.of("from", People.ELDER_MOBILE, "to", "77799", "text", "موعد"));
        JsonObject card = agent.post("/api/persons/lookup", new JsonObject().put("query", People.ELDER)).expect(200)
                .json().getJsonArray("persons").getJsonObject(0);
        JsonArray items = card.getJsonObject("history").getJsonArray("items");
        List<String> kinds = items.stream().map(i -> ((JsonObject) i).getString("kind")).toList();
        // newest first; the confirmation SMS and the appointment may share a millisecond, so their order is free
        assertEquals("SMS_IN", kinds.get(0));
        assertEquals(java.util.Set.of("SMS_IN", "SMS_OUT", "APPOINTMENT"), java.util.Set.copyOf(kinds));
        assertEquals(3, kinds.size());
        JsonObject item = items.getJsonObject(kinds.indexOf("APPOINTMENT"));
        assertEquals(a.getString("reference"), item.getString("reference"));
        assertTrue(items.getJsonObject(kinds.indexOf("SMS_OUT")).getString("summary").contains(a.getString("reference")));
        assertEquals(3, audit("APPOINTMENT_BOOK").size(), "every attempt is recorded before the book is touched");
    }

    @Test
    void anAgentReschedulesAndCancelsAndTheCitizenIsToldEachTime() {
        ConsoleClient agent = console.signedIn("agent1").language("en");
        Slot first = walk(agent, "ID_REPLACEMENT", 0, 0);
        String ref = agent.post("/api/appointments", first.form(People.RESIDENT).put("mobile", "0500000099"))
                .expect(201).json().getJsonObject("appointment").getString("reference");
        Slot later = walk(agent, "ID_REPLACEMENT", 1, 1);
        JsonObject moved = agent.post("/api/appointments/" + ref + "/reschedule", later.form(People.RESIDENT))
                .expect(200).json().getJsonObject("appointment");
        assertEquals(ref, moved.getString("reference"));
        assertEquals(later.date(), moved.getString("date"));
        assertEquals(first.free(), freeAt(agent, first), "the old place is free again");

        agent.post("/api/appointments/" + ref + "/cancel", new JsonObject().put("nationalId", People.ELDER))
                .expectError(404, "APPOINTMENT_NOT_FOUND");
        agent.post("/api/appointments/" + ref + "/cancel", new JsonObject().put("nationalId", People.RESIDENT))
                .expect(200);
        agent.post("/api/appointments/" + ref + "/cancel", new JsonObject().put("nationalId", People.RESIDENT))
                .expectError(409, "APPOINTMENT_NOT_ACTIVE");
        agent.post("/api/appointments/123/cancel", new JsonObject().put("nationalId", People.RESIDENT))
                .expectError(404, "APPOINTMENT_NOT_FOUND");

        JsonArray list = agent.post("/api/appointments/of", new JsonObject().put("nationalId", People.RESIDENT))
                .expect(200).json().getJsonArray("appointments");
        assertEquals("CANCELLED", list.getJsonObject(0).getString("status"));
        assertEquals(List.of("appointment.confirmed", "appointment.rescheduled", "appointment.cancelled"),
                console.outbox(Lane.NOTIFICATION).stream().map(s -> s.split(" ")[0]).toList());
        assertTrue(console.outbox(Lane.NOTIFICATION).stream().allMatch(s -> s.contains("966500000099")),
                "the typed mobile is the contact");
        assertEquals(1, audit("APPOINTMENT_RESCHEDULE").size());
        assertEquals(3, audit("APPOINTMENT_CANCEL").size());
    }

    @Test
    void twoAgentsBookingTheLastPlaceAtOnceExactlyOneWins(Vertx vertx) throws Exception {
        ConsoleClient one = console.signedIn("agent1");
        ConsoleClient two = console.signedIn("agent2").language("en");
        // Death registration takes one person per slot: every slot is a last place.
        for (int round = 0; round < 5; round++) {
            Slot slot = lastPlace(one, round);
            Future<ConsoleClient.Reply> a = one.postAsync("/api/appointments", slot.form(People.ELDER));
            Future<ConsoleClient.Reply> b = two.postAsync("/api/appointments", slot.form(People.ELDER_TWO));
            List<ConsoleClient.Reply> replies = List.of(a.await(Duration.ofSeconds(20)), b.await(Duration.ofSeconds(20)));
            List<Integer> statuses = replies.stream().map(ConsoleClient.Reply::status).sorted().toList();
            assertEquals(List.of(201, 409), statuses, "round " + round);
            ConsoleClient.Reply loser = replies.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
            assertEquals("SLOT_FULL", loser.json().getString("code"));
            assertTrue(loser.json().getJsonObject("fields").containsKey("time"));
            assertEquals(0, freeAt(one, slot));
            // Free both people for the next round: cancel whoever won.
            ConsoleClient.Reply winner = replies.stream().filter(r -> r.status() == 201).findFirst().orElseThrow();
            String winnerId = winner == replies.get(0) ? People.ELDER : People.ELDER_TWO;
            one.post("/api/appointments/" + winner.json().getJsonObject("appointment").getString("reference")
                    + "/cancel", new JsonObject().put("nationalId", winnerId)).expect(200);
        }
    }

    @Test
    void everyFieldIsCheckedWithAMessageAndNothingIsBooked() {
        ConsoleClient agent = console.signedIn("agent1").language("en");
        JsonObject fields = agent.post("/api/appointments", new JsonObject().put("nationalId", "123")
                .put("mobile", "12").put("service", "PASSPORT").put("office", "ruh 01").put("section", "KIDS")
                .put("date", "31/12/2026").put("time", "9am").put("formToken", "x").put("smsLanguage", "fr"))
                .expectError(400, "INVALID_INPUT").getJsonObject("fields");
        for (String f : List.of("nationalId", "mobile", "service", "office", "section", "date", "time", "formToken",
                "smsLanguage")) {
            assertTrue(fields.containsKey(f), f + ": " + fields);
        }
        assertEquals("A time as HH:MM.", fields.getString("time"));
        JsonObject empty = agent.post("/api/appointments", new JsonObject()).expectError(400, "INVALID_INPUT")
                .getJsonObject("fields");
        assertEquals("Required.", empty.getString("nationalId"));
        assertEquals("Required.", empty.getString("office"));

        Slot slot = walk(agent, "ID_RENEWAL", 0, 0);
        JsonObject past = slot.form(People.ELDER).put("date", LocalDate.now().minusDays(2).toString());
        assertEquals("This day has passed.", agent.post("/api/appointments", past).expectError(400, "INVALID_INPUT")
                .getJsonObject("fields").getString("date"));
        agent.post("/api/appointments", slot.form(People.ELDER).put("office", "XXX-99"))
                .expectError(400, "INVALID_INPUT");
        agent.post("/api/appointments", slot.form(People.ELDER).put("time", "03:07"))
                .expectError(400, "NO_SUCH_SLOT");
        agent.post("/api/appointments", slot.form(People.UNKNOWN)).expectError(404, "PERSON_NOT_FOUND");
        agent.post("/api/appointments", slot.form(People.DECEASED)).expectError(409, "PERSON_DECEASED");
        agent.post("/api/appointments", slot.form(People.BROKEN)).expectError(503, "REGISTRY_UNAVAILABLE");
        agent.get("/api/appointments/choices?service=NOPE").expectError(400, "INVALID_INPUT");
        assertEquals(slot.free(), freeAt(agent, slot));
        assertEquals(List.of(), console.outbox(Lane.NOTIFICATION));

        // No mobile anywhere: booked, and the agent is told no SMS went.
        JsonObject noSms = agent.post("/api/appointments", slot.form(People.NO_MOBILE)).expect(201).json();
        assertFalse(noSms.getBoolean("smsQueued"));
    }

    @Test
    void signedOutForgedAndExpiredSessionsAreRefused() {
        ConsoleClient agent = console.signedIn("agent1");
        Slot slot = walk(agent, "ID_RENEWAL", 0, 0);
        console.client().post("/api/appointments", slot.form(People.ELDER)).expectError(401, "SESSION_REQUIRED");
        console.client().get("/api/appointments/choices").expectError(401, "SESSION_REQUIRED");
        assertEquals("/sign-in", console.client().get("/appointments").expect(303).header("Location"));
        agent.postWithoutCsrf("/api/appointments", slot.form(People.ELDER)).expectError(403, "CSRF_REJECTED");
        agent.postWithCsrf("/api/appointments", slot.form(People.ELDER), console.signedIn("agent2").csrfToken())
                .expectError(403, "CSRF_REJECTED");
        // The session runs out (Redis expires it): the next booking is refused, nothing is booked.
        String cookie = agent.sessionCookie();
        assertEquals(1, redis.client().del(RedisSessions.key(cookie.substring(cookie.indexOf('=') + 1))));
        agent.post("/api/appointments", slot.form(People.ELDER)).expectError(401, "SESSION_REQUIRED");
        assertEquals(slot.free(), freeAt(console.signedIn("agent2"), slot));
        assertEquals(0, audit("APPOINTMENT_BOOK").size());
        assertNotEquals(0, audit("SIGN_IN").size());
    }

    private static JsonObject choices(ConsoleClient c, String query) {
        return c.get("/api/appointments/choices" + query).expect(200).json();
    }

    private List<Map<String, String>> audit(String action) {
        return redis.client().xrange(RedisAuditLog.KEY, "-", "+").stream().map(StreamEntry::getFields)
                .filter(f -> action.equals(f.get("action"))).toList();
    }
}
