package sa.civilaffairs.cc.console.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sa.civilaffairs.cc.calendar.RiyadhTime;
import sa.civilaffairs.cc.chat.redis.RedisChatInbox;
import sa.civilaffairs.cc.console.chat.redis.RedisChatDesk;
import sa.civilaffairs.cc.events.DomainEvent;
import sa.civilaffairs.cc.events.redis.RedisEventLog;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.outbox.redis.RedisOutbox;
import sa.civilaffairs.cc.testkit.RedisExtension;
import sa.civilaffairs.cc.testkit.RedisHandle;
import sa.civilaffairs.cc.text.Language;

/** The dashboard's business figures folded from domain events as the booking and case stores append them. */
@ExtendWith(RedisExtension.class)
class DashboardFiguresIT {
    @Test
    void appointmentsTodayTaqdeerBacklogSmsAndChatFromTheEvents(RedisHandle redis) {
        Clock clock = Clock.system(RiyadhTime.ZONE);
        Instant now = clock.instant();
        String today = LocalDate.now(clock).toString();
        String tomorrow = LocalDate.now(clock).plusDays(1).toString();
        RedisEventLog log = new RedisEventLog(redis.client());
        log.append(new DomainEvent("appointment.booked", "1", now, Map.of("office", "RUH-01", "date", today)));
        log.append(new DomainEvent("appointment.booked", "2", now, Map.of("office", "RUH-01", "date", today)));
        log.append(new DomainEvent("appointment.booked", "3", now, Map.of("office", "JED-01", "date", tomorrow)));
        log.append(new DomainEvent("appointment.cancelled", "2", now, Map.of("office", "RUH-01", "date", today)));
        log.append(new DomainEvent("appointment.rescheduled", "3", now, Map.of("office", "JED-01", "date", today,
                "fromOffice", "JED-01", "fromDate", tomorrow)));
        log.append(new DomainEvent("visit.submitted", "v1", now.minus(Duration.ofDays(2)), Map.of("region", "RIYADH")));
        log.append(new DomainEvent("visit.submitted", "v2", now, Map.of("region", "RIYADH")));
        log.append(new DomainEvent("visit.submitted", "v3", now, Map.of("region", "MAKKAH")));
        log.append(new DomainEvent("visit.status", "v3", now, Map.of("region", "MAKKAH", "status", "CLOSED")));
        for (String type : new String[] {"sms.received", "sms.received", "sms.sent", "sms.delivered", "sms.undelivered"}) {
            log.append(new DomainEvent(type, "", now, Map.of()));
        }
        RedisChatDesk chat = new RedisChatDesk(redis.client(), new RedisChatInbox(redis.client()),
                new RedisOutbox(redis.client()), null);
        chat.fromCitizen("1-1", Mobile.parse("0551234567"), Language.AR, "محادثة", now);

        JsonObject f = new DashboardFigures(redis.client(), chat, clock, RiyadhTime.ZONE).refresh();
        assertEquals(new JsonObject().put("JED-01", 1).put("RUH-01", 1), f.getJsonObject("appointmentsToday"));
        assertEquals(new JsonObject().put("RIYADH", new JsonArray().add(1).add(1).add(0).add(0)),
                f.getJsonObject("taqdeerBacklog"), "one under a day, one 1-3 days; the closed one is gone");
        JsonObject sms = f.getJsonObject("sms");
        assertEquals(2, sms.getInteger("in"));
        assertEquals(1, sms.getInteger("out"));
        assertEquals(50.0, sms.getDouble("deliveryRate"));
        assertEquals(1, f.getJsonObject("chat").getInteger("open"));
    }
}
