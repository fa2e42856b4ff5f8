package sa.civilaffairs.cc.console.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sa.civilaffairs.cc.calendar.RiyadhTime;
import sa.civilaffairs.cc.chat.redis.RedisChatInbox;
import sa.civilaffairs.cc.console.chat.redis.RedisChatDesk;
import sa.civilaffairs.cc.console.support.SmscGateway;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.outbox.Lane;
import sa.civilaffairs.cc.outbox.OutboundSms;
import sa.civilaffairs.cc.outbox.redis.RedisOutbox;
import sa.civilaffairs.cc.smpp.SmsGateway;
import sa.civilaffairs.cc.smsc.MoPdu;
import sa.civilaffairs.cc.smsc.SmscSimulator;
import sa.civilaffairs.cc.testkit.RedisExtension;
import sa.civilaffairs.cc.testkit.RedisHandle;
import sa.civilaffairs.cc.text.Language;

/**
 * Real SMS through the SMSC simulator and the gateway move the dashboard's SMS figures: one received, then one sent
 * and delivered, then one sent and undelivered (the gateway's day counters, {@code SmsDayCounts}).
 */
@ExtendWith(RedisExtension.class)
class SmsFiguresIT {
    private SmscSimulator sim;
    private SmsGateway gateway;
    private DashboardFigures figures;

    @BeforeEach
    void start(RedisHandle redis) {
        sim = SmscSimulator.builder().start();
        gateway = SmsGateway.start(SmscGateway.config(sim), redis.settings());
        RedisChatDesk chat = new RedisChatDesk(redis.client(), new RedisChatInbox(redis.client()),
                new RedisOutbox(redis.client()), null);
        figures = new DashboardFigures(redis.client(), chat, Clock.system(RiyadhTime.ZONE), RiyadhTime.ZONE);
    }

    @AfterEach
    void stop() {
        figures.close();
        gateway.close();
        sim.close();
    }

    @Test
    void messagesThroughTheSmscMoveTheSmsFigures(RedisHandle redis) {
        await("gateway bound", () -> gateway.allBound());
        JsonObject none = figures.refresh().getJsonObject("sms");
        assertEquals(0, none.getInteger("in"));
        assertNull(none.getDouble("deliveryRate"));

        assertTrue(sim.deliverUntilAccepted(MoPdu.text("966551234567", "77799", "موعد"), Duration.ofSeconds(10)));
        JsonObject in = smsWhen(s -> s.getInteger("in") == 1);
        assertEquals(0, in.getInteger("out"));

        RedisOutbox outbox = new RedisOutbox(redis.client());
        outbox.enqueue(sms("تم حجز موعدكم"));
        JsonObject delivered = smsWhen(s -> s.getInteger("delivered") == 1);
        assertEquals(1, delivered.getInteger("out"));
        assertEquals(100.0, delivered.getDouble("deliveryRate"));

        sim.receiptStat("UNDELIV");
        outbox.enqueue(sms("تذكير بالموعد"));
        JsonObject undelivered = smsWhen(s -> s.getInteger("undelivered") == 1);
        assertEquals(2, undelivered.getInteger("out"));
        assertEquals(1, undelivered.getInteger("in"));
        assertEquals(50.0, undelivered.getDouble("deliveryRate"));
    }

    private JsonObject smsWhen(Predicate<JsonObject> ok) {
        JsonObject[] last = new JsonObject[1];
        await("SMS figures", () -> ok.test(last[0] = figures.refresh().getJsonObject("sms")));
        return last[0];
    }

    private static OutboundSms sms(String text) {
        return new OutboundSms(UUID.randomUUID().toString(), Mobile.parse("0551234567"), Lane.NOTIFICATION,
                Language.AR, "", text, "", Instant.now());
    }

    private static void await(String what, java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            LockSupport.parkNanos(10_000_000);
        }
    }
}
