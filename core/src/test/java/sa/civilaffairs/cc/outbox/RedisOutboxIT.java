package sa.civilaffairs.cc.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.outbox.redis.OutboxStreams;
import sa.civilaffairs.cc.outbox.redis.RedisOutbox;
import sa.civilaffairs.cc.testkit.RedisExtension;
import sa.civilaffairs.cc.testkit.RedisHandle;
import sa.civilaffairs.cc.text.Language;

@ExtendWith(RedisExtension.class)
class RedisOutboxIT {

    @Test
    void anEnqueuedMessageIsReadBackFromItsLaneWithEveryField(RedisHandle redis) {
        OutboundSms sms = new OutboundSms("m-1", Mobile.parse("0551234567"), Lane.REPLY, Language.AR,
                "booking.confirmed", "تم حجز موعدك", "mo-9", Instant.ofEpochMilli(1_790_000_000_000L));

        new RedisOutbox(redis.client()).enqueue(sms);

        List<StreamEntry> entries = redis.client().xrange(OutboxStreams.key(Lane.REPLY), (StreamEntryID) null,
                (StreamEntryID) null);
        assertEquals(1, entries.size());
        Map<String, String> fields = entries.get(0).getFields();
        assertEquals(sms, OutboundSms.fromFields(fields));
        assertEquals(0, redis.client().xlen(OutboxStreams.key(Lane.BULK)));
    }
}
