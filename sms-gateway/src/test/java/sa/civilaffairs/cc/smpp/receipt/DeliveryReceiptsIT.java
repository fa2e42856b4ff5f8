package sa.civilaffairs.cc.smpp.receipt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.StreamEntryID;
import sa.civilaffairs.cc.outbox.Lane;
import sa.civilaffairs.cc.outbox.redis.OutboxStreams;
import sa.civilaffairs.cc.smpp.GatewayMetrics;
import sa.civilaffairs.cc.smpp.outbound.MtState;
import sa.civilaffairs.cc.smpp.outbound.SegmentResult;
import sa.civilaffairs.cc.smpp.outbound.StatusCallbacks;
import sa.civilaffairs.cc.smpp.redis.RedisMessages;
import sa.civilaffairs.cc.smpp.redis.SmsKeys;
import sa.civilaffairs.cc.testkit.RedisExtension;
import sa.civilaffairs.cc.testkit.RedisHandle;

/** Receipt matching against a real Redis: parts, id forms, order, duplicates, unknown parts. */
@ExtendWith(RedisExtension.class)
class DeliveryReceiptsIT {
    private static final String TO = "966501234567";

    private static RedisMessages.Submission submission(String id, SegmentResult... parts) {
        return new RedisMessages.Submission("op", id, TO, Lane.NOTIFICATION, "1-1", List.of(parts));
    }

    private static Receipt delivered(String smscId) {
        return new Receipt(SmscMessageId.normalise(smscId), Receipt.Outcome.DELIVERED, "DELIVRD", "000", TO);
    }

    private static void prepare(RedisHandle redis, RedisMessages messages, String id, int parts) {
        redis.client().xgroupCreate(SmsKeys.outbox(Lane.NOTIFICATION), OutboxStreams.CONSUMER_GROUP,
                new StreamEntryID(0, 0), true);
        messages.take("gw", List.of(new RedisMessages.Take(id, TO, Lane.NOTIFICATION, "1-1", parts)));
        messages.begin("gw", List.of(id));
    }

    private static MtState state(RedisMessages messages, String id) {
        return messages.status(id).orElseThrow().state();
    }

    @Test
    void whenTwoGatewaysTookTheSameEntryOnlyTheLastOwnerSendsIt(RedisHandle redis) {
        RedisMessages messages = new RedisMessages(redis.client(), Duration.ofDays(1));
        RedisMessages.Take t = new RedisMessages.Take("m9", TO, Lane.NOTIFICATION, "1-1", 1);
        assertEquals(List.of(RedisMessages.Decision.SEND), messages.take("gw-a", List.of(t)));
        // gw-a's link is down; gw-b claims the entry after claimIdle and takes it
        assertEquals(List.of(RedisMessages.Decision.SEND), messages.take("gw-b", List.of(t)));
        assertEquals(List.of(false), messages.begin("gw-a", List.of("m9")));
        assertEquals(List.of(true), messages.begin("gw-b", List.of("m9")));
        assertEquals(List.of(false), messages.begin("gw-b", List.of("m9")), "begun once");
    }

    @Test
    void multiPartIsDeliveredOnlyWhenEveryPartIs(RedisHandle redis) {
        RedisMessages messages = new RedisMessages(redis.client(), Duration.ofDays(1));
        try (StatusCallbacks callbacks = new StatusCallbacks()) {
            DeliveryReceipts receipts = new DeliveryReceipts(messages, callbacks, new GatewayMetrics());
            prepare(redis, messages, "m1", 3);
            messages.submitted(List.of(submission("m1", new SegmentResult.Accepted("0000000A"),
                    new SegmentResult.Accepted("0000000B"), new SegmentResult.Accepted("0000000C"))));
            receipts.onReceipt("op", delivered("12")); // part 3, receipt in decimal
            assertEquals(MtState.SUBMITTED, state(messages, "m1"));
            receipts.onReceipt("op", delivered("a")); // part 1, lower-case hex without padding
            receipts.onReceipt("op", delivered("a")); // a duplicate receipt changes nothing
            assertEquals(MtState.SUBMITTED, state(messages, "m1"));
            receipts.onReceipt("op", delivered("11")); // part 2
            assertEquals(MtState.DELIVERED, state(messages, "m1"));
        }
    }

    @Test
    void receiptBeforeTheResponseAndAFailedPart(RedisHandle redis) {
        RedisMessages messages = new RedisMessages(redis.client(), Duration.ofDays(1));
        try (StatusCallbacks callbacks = new StatusCallbacks()) {
            DeliveryReceipts receipts = new DeliveryReceipts(messages, callbacks, new GatewayMetrics());
            prepare(redis, messages, "m2", 2);
            receipts.onReceipt("op", delivered("77"));
            receipts.onReceipt("op", new Receipt("78", Receipt.Outcome.FAILED, "UNDELIV", "012", TO));
            RedisMessages.Change c = messages.submitted(List.of(submission("m2", new SegmentResult.Accepted("77"),
                    new SegmentResult.Accepted("78")))).get(0);
            assertEquals(MtState.FAILED, c.state());
            assertTrue(messages.status("m2").orElseThrow().error().contains("UNDELIV"));
        }
    }

    @Test
    void partWithoutResponseIsSettledByTheNumbersNextUnmatchedReceipt(RedisHandle redis) {
        RedisMessages messages = new RedisMessages(redis.client(), Duration.ofDays(1));
        try (StatusCallbacks callbacks = new StatusCallbacks()) {
            DeliveryReceipts receipts = new DeliveryReceipts(messages, callbacks, new GatewayMetrics());
            prepare(redis, messages, "m3", 1);
            assertEquals(MtState.UNKNOWN, messages.submitted(List.of(submission("m3",
                    new SegmentResult.NoResponse()))).get(0).state());
            receipts.onReceipt("op", new Receipt("999", Receipt.Outcome.DELIVERED, "DELIVRD", "000", "966509999999"));
            assertEquals(MtState.UNKNOWN, state(messages, "m3"), "another number's receipt does not settle it");
            receipts.onReceipt("op", delivered("555"));
            assertEquals(MtState.DELIVERED, state(messages, "m3"));
            receipts.onReceipt("other-smsc", delivered("0000000A"));
            assertEquals(MtState.SUBMITTED, messages.submitted(List.of(submission("m4",
                    new SegmentResult.Accepted("A")))).get(0).state(), "the same id from another SMSC is not this one's");
            assertEquals("op/555", messages.status("m3").orElseThrow().parts().get(0).smscMessageId());
        }
    }
}
