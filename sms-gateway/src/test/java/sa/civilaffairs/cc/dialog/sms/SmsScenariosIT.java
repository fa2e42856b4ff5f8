package sa.civilaffairs.cc.dialog.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XAddParams;
import sa.civilaffairs.cc.dialog.DialogRig;
import sa.civilaffairs.cc.dialog.Scenario;
import sa.civilaffairs.cc.outbox.Lane;
import sa.civilaffairs.cc.outbox.redis.OutboxStreams;
import sa.civilaffairs.cc.testkit.RedisExtension;
import sa.civilaffairs.cc.testkit.RedisHandle;

/**
 * The scenario table of the engine ({@code scenarios.txt}) through the SMS path: each message appended to
 * {@code {sms}:inbound} as the SMPP receiver writes it, the replies read from the REPLY lane by {@code inReplyTo}.
 */
@ExtendWith(RedisExtension.class)
class SmsScenariosIT {

    static List<Scenario> scenarios() {
        return Scenario.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void scenario(Scenario scenario, RedisHandle redis) {
        redis.client().flushAll();
        try (DialogRig rig = new DialogRig(redis.client());
             DialogSmsConsumer consumer = new DialogSmsConsumer(redis.client(), rig.engine(),
                     DialogSmsSettings.defaults("scenarios"), rig.clock)) {
            consumer.start();
            for (int i = 0; i < scenario.messages().size(); i++) {
                String id = scenario.name() + "-" + i;
                Map<String, String> fields = new LinkedHashMap<>();
                fields.put("id", id);
                fields.put("from", scenario.sender());
                fields.put("to", "77799");
                fields.put("text", scenario.messages().get(i));
                fields.put("lang", "");
                fields.put("receivedAt", Long.toString(Instant.now().toEpochMilli()));
                fields.put("smscId", "");
                redis.client().xadd(DialogSmsConsumer.INBOUND, XAddParams.xAddParams(), fields);
                awaitHandled(consumer, i + 1);
                List<String> got = redis.client().xrange(OutboxStreams.key(Lane.REPLY), (StreamEntryID) null,
                                (StreamEntryID) null).stream()
                        .filter(e -> id.equals(e.getFields().get("inReplyTo")))
                        .map(e -> e.getFields().get("template")).toList();
                assertEquals(scenario.replies().get(i), got, scenario.name() + ", message " + (i + 1));
            }
        }
    }

    private static void awaitHandled(DialogSmsConsumer consumer, long count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (consumer.handled() < count) {
            assertTrue(System.nanoTime() < deadline, "handled " + consumer.handled() + " of " + count);
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
    }
}
