package sa.civilaffairs.cc.dialog.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XAddParams;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.params.XReadParams;
import redis.clients.jedis.resps.StreamEntry;
import sa.civilaffairs.cc.dialog.DialogRig;
import sa.civilaffairs.cc.outbox.Lane;
import sa.civilaffairs.cc.outbox.OutboundSms;
import sa.civilaffairs.cc.outbox.redis.OutboxStreams;
import sa.civilaffairs.cc.testkit.RedisExtension;
import sa.civilaffairs.cc.testkit.RedisHandle;

/** The consumer of {@code {sms}:inbound} on real Redis, with the dialog engine of {@link DialogRig}. */
@ExtendWith(RedisExtension.class)
class DialogSmsConsumerIT {
    static final String MAN = "966500000110";
    static final String MAN_ID = "1000000099";
    static final String REPLY = OutboxStreams.key(Lane.REPLY);

    private RedisHandle redis;
    private DialogRig rig;
    private final List<DialogSmsConsumer> consumers = new ArrayList<>();
    private StreamEntryID lastSeen = new StreamEntryID(0, 0);
    private int inbound;

    @BeforeEach
    void start(RedisHandle redis) {
        this.redis = redis;
        this.rig = new DialogRig(redis.client());
    }

    @AfterEach
    void stop() {
        consumers.forEach(DialogSmsConsumer::close);
        rig.close();
    }

    private DialogSmsConsumer consumer(DialogSmsSettings settings) {
        DialogSmsConsumer consumer = new DialogSmsConsumer(redis.client(), rig.engine(), settings, rig.clock);
        consumers.add(consumer);
        return consumer;
    }

    private DialogSmsConsumer started() {
        DialogSmsConsumer consumer = consumer(DialogSmsSettings.defaults("c1"));
        consumer.start();
        return consumer;
    }

    /** Appends an inbound SMS as the SMPP receiver writes it; returns its id. */
    private String mo(String from, String text) {
        String id = "mo-" + (++inbound);
        mo(id, from, text);
        return id;
    }

    private void mo(String id, String from, String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("id", id);
        fields.put("from", from);
        fields.put("to", "77799");
        fields.put("text", text);
        fields.put("lang", "");
        fields.put("receivedAt", Long.toString(Instant.now().toEpochMilli()));
        fields.put("smscId", "");
        redis.client().xadd(DialogSmsConsumer.INBOUND, XAddParams.xAddParams(), fields);
    }

    /** Waits (blocking stream read) for the next reply in the REPLY lane. */
    private OutboundSms nextReply() {
        List<Map.Entry<String, List<StreamEntry>>> read = redis.client().xread(
                XReadParams.xReadParams().count(1).block(10_000), Map.of(REPLY, lastSeen));
        assertTrue(read != null && !read.isEmpty(), "no reply within 10 s");
        StreamEntry entry = read.get(0).getValue().get(0);
        lastSeen = entry.getID();
        return OutboundSms.fromFields(entry.getFields());
    }

    /** Waits until the consumer has finished {@code count} inbound messages in all. */
    private void awaitHandled(DialogSmsConsumer consumer, long count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (consumer.handled() < count) {
            assertTrue(System.nanoTime() < deadline, "handled " + consumer.handled() + " of " + count);
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
    }

    @Test
    void repliesGoToTheReplyLaneInReplyToTheInboundId() {
        started();
        String id = mo(MAN, "موعد");
        OutboundSms reply = nextReply();
        assertEquals(id, reply.inReplyTo());
        assertEquals("dialog.book.id", reply.templateId());
        assertEquals(MAN, reply.to().e164());
        assertEquals(Lane.REPLY, reply.lane());
        mo(MAN, "١٠٠٠٠٠٠٠٩٩");
        assertEquals("dialog.book.service", nextReply().templateId());
        assertEquals(0, redis.client().xpending(DialogSmsConsumer.INBOUND, DialogSmsSettings.GROUP).getTotal());
    }

    @Test
    void alphanumericSendersAndTheShortCodeAreIgnored() {
        DialogSmsConsumer consumer = started();
        mo("STC", "Your bill is ready");
        mo("77799", "مساعدة");
        mo("120", "help");
        awaitHandled(consumer, 3);
        assertEquals(0, redis.client().xlen(REPLY));
        assertEquals(0, redis.client().xpending(DialogSmsConsumer.INBOUND, DialogSmsSettings.GROUP).getTotal());
    }

    @Test
    void theSameInboundIdTwiceIsAnsweredOnce() {
        DialogSmsConsumer consumer = started();
        mo("dup-1", MAN, "help");
        mo("dup-1", MAN, "help");
        awaitHandled(consumer, 2);
        assertEquals(1, redis.client().xlen(REPLY));
    }

    @Test
    void anEntryLeftPendingByACrashedConsumerIsClaimedAndAnsweredOnce() {
        DialogSmsConsumer dead = consumer(DialogSmsSettings.defaults("dead"));
        dead.start();
        dead.close();
        mo(MAN, "help");
        // the dead consumer read it and died before answering
        redis.client().xreadGroup(DialogSmsSettings.GROUP, "dead", XReadGroupParams.xReadGroupParams().count(10),
                Map.of(DialogSmsConsumer.INBOUND, StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
        assertEquals(1, redis.client().xpending(DialogSmsConsumer.INBOUND, DialogSmsSettings.GROUP).getTotal());

        DialogSmsConsumer survivor = consumer(DialogSmsSettings.defaults("c2").withClaimIdle(Duration.ofMillis(1)));
        survivor.start();
        assertEquals("help.menu", nextReply().templateId());
        awaitHandled(survivor, 1);
        assertEquals(0, redis.client().xpending(DialogSmsConsumer.INBOUND, DialogSmsSettings.GROUP).getTotal());
        assertEquals(1, redis.client().xlen(REPLY));
    }

    @Test
    void anEntryAnsweredButNotAcknowledgedIsNotAnsweredAgain() {
        String id = mo(MAN, "help");
        // a consumer answered it (engine turn committed, replies in the outbox) and died before the ack
        redis.client().xgroupCreate(DialogSmsConsumer.INBOUND, DialogSmsSettings.GROUP, new StreamEntryID(0, 0), true);
        redis.client().xreadGroup(DialogSmsSettings.GROUP, "dead", XReadGroupParams.xReadGroupParams().count(10),
                Map.of(DialogSmsConsumer.INBOUND, StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
        rig.engine().handle(new sa.civilaffairs.cc.dialog.IncomingText(id,
                new sa.civilaffairs.cc.identity.Mobile(MAN), "help", Instant.now()));
        redis.client().set(DialogSmsConsumer.answeredKey(id), "1");

        DialogSmsConsumer survivor = consumer(DialogSmsSettings.defaults("c2").withClaimIdle(Duration.ofMillis(1)));
        survivor.start();
        awaitHandled(survivor, 1);
        assertEquals(0, redis.client().xlen(REPLY));
        assertEquals(0, redis.client().xpending(DialogSmsConsumer.INBOUND, DialogSmsSettings.GROUP).getTotal());
    }

    @Test
    void aWholeBookingBySms() {
        started();
        String[] turns = {"BOOK", MAN_ID, "2", "1", "1", "1", "1", "1"};
        String last = null;
        for (String text : turns) {
            mo(MAN, text);
            last = nextReply().templateId();
        }
        assertEquals("appointment.confirmed", last);
    }
}
