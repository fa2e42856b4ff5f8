package sa.civilaffairs.cc.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;
import sa.civilaffairs.cc.chat.redis.ChatKeys;
import sa.civilaffairs.cc.chat.redis.RedisChatInbox;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.outbox.Lane;
import sa.civilaffairs.cc.outbox.OutboundSms;
import sa.civilaffairs.cc.outbox.redis.OutboxStreams;
import sa.civilaffairs.cc.outbox.redis.RedisOutbox;
import sa.civilaffairs.cc.testkit.RedisExtension;
import sa.civilaffairs.cc.testkit.RedisHandle;
import sa.civilaffairs.cc.text.Language;

@ExtendWith(RedisExtension.class)
class RedisChatInboxIT {
    private static final Mobile CITIZEN = Mobile.parse("0551234567");
    private static final Instant T0 = Instant.ofEpochMilli(1_790_000_000_000L);

    @Test
    void oneAgentWinsTheClaimAndOnlyThatAgentRepliesThroughTheOutbox(RedisHandle redis) throws Exception {
        ChatInbox inbox = new RedisChatInbox(redis.client(), new RedisOutbox(redis.client()));
        Conversation c = inbox.open(CITIZEN, Language.AR, "CHAT أريد مساعدة", T0);
        assertEquals(ChatStatus.OPEN, c.status());
        assertEquals(c.id(), inbox.open(CITIZEN, Language.AR, "مرحبا", T0.plusSeconds(1)).id(),
                "a second CHAT continues the open conversation");

        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<String>> tries = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String agent = "agent" + i;
            Callable<String> claim = () -> {
                try {
                    return inbox.claim(c.id(), agent, T0.plusSeconds(2)).agent();
                } catch (ChatException e) {
                    return e.reason().name();
                }
            };
            tries.add(pool.submit(claim));
        }
        List<String> answers = new ArrayList<>();
        for (Future<String> f : tries) {
            answers.add(f.get());
        }
        pool.shutdown();
        assertEquals(7, answers.stream().filter("ALREADY_CLAIMED"::equals).count(), answers.toString());
        String winner = answers.stream().filter(a -> a.startsWith("agent")).findFirst().orElseThrow();

        String loser = winner.equals("agent0") ? "agent1" : "agent0";
        ChatException refused = assertThrows(ChatException.class, () -> inbox.reply(c.id(), loser, "x", T0));
        assertEquals(ChatException.Reason.NOT_YOURS, refused.reason());

        ChatMessage sent = inbox.reply(c.id(), winner, "كيف أساعدك؟", T0.plusSeconds(3));
        List<StreamEntry> out = redis.client().xrange(OutboxStreams.key(Lane.REPLY), (StreamEntryID) null,
                (StreamEntryID) null);
        assertEquals(1, out.size());
        OutboundSms sms = OutboundSms.fromFields(out.get(0).getFields());
        assertEquals(CITIZEN, sms.to());
        assertEquals("كيف أساعدك؟", sms.text());
        assertEquals(sent.smsId(), sms.id());
        assertEquals(c.id(), sms.inReplyTo());

        assertTrue(inbox.continueIfOpen(CITIZEN, "شكرا", T0.plusSeconds(4)).isPresent());
        assertEquals(List.of("CHAT أريد مساعدة", "مرحبا", "كيف أساعدك؟", "شكرا"),
                inbox.messages(c.id(), 50).stream().map(ChatMessage::text).toList());

        assertEquals(ChatStatus.CLOSED, inbox.close(c.id(), winner, T0.plusSeconds(5)).status());
        assertTrue(inbox.active().isEmpty());
        assertTrue(inbox.continueIfOpen(CITIZEN, "another", T0.plusSeconds(6)).isEmpty(),
                "after close, the citizen's SMS is no longer chat");
        assertTrue(redis.client().xlen(ChatKeys.CHANGES) >= 6, "every change is on the change stream");
    }
}
