package sa.civilaffairs.cc.console.chat;

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
import sa.civilaffairs.cc.chat.ChatMessage;
import sa.civilaffairs.cc.chat.redis.RedisChatInbox;
import sa.civilaffairs.cc.console.chat.redis.RedisChatDesk;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.outbox.Lane;
import sa.civilaffairs.cc.outbox.OutboundSms;
import sa.civilaffairs.cc.outbox.redis.OutboxStreams;
import sa.civilaffairs.cc.outbox.redis.RedisOutbox;
import sa.civilaffairs.cc.testkit.RedisExtension;
import sa.civilaffairs.cc.testkit.RedisHandle;
import sa.civilaffairs.cc.text.Language;

@ExtendWith(RedisExtension.class)
class RedisChatDeskIT {
    private static final Mobile CITIZEN = Mobile.parse("0551234567");
    private static final Instant T0 = Instant.ofEpochMilli(1_790_000_000_000L);

    @Test
    void oneAgentWinsTheClaimAndOnlyThatAgentRepliesThroughTheOutbox(RedisHandle redis) throws Exception {
        ChatDesk desk = new RedisChatDesk(redis.client(), new RedisChatInbox(redis.client()),
                new RedisOutbox(redis.client()), null);
        Conversation c = desk.fromCitizen("1-1", CITIZEN, Language.AR, "أريد مساعدة", T0).orElseThrow();
        assertEquals(ChatStatus.OPEN, c.status());
        assertTrue(desk.fromCitizen("1-1", CITIZEN, Language.AR, "أريد مساعدة", T0).isEmpty(),
                "an inbox entry applied twice (two instances, a re-read) counts once");
        assertEquals(c.id(), desk.fromCitizen("2-1", CITIZEN, Language.AR, "مرحبا", T0.plusSeconds(1)).orElseThrow()
                .id(), "the next message continues the open conversation");

        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<String>> tries = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String agent = "agent" + i;
            Callable<String> claim = () -> {
                try {
                    return desk.claim(c.id(), agent, T0.plusSeconds(2)).agent();
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
        ChatException refused = assertThrows(ChatException.class, () -> desk.reply(c.id(), loser, "x", T0));
        assertEquals(ChatException.Reason.NOT_YOURS, refused.reason());

        DeskMessage sent = desk.reply(c.id(), winner, "كيف أساعدك؟", T0.plusSeconds(3));
        List<StreamEntry> out = redis.client().xrange(OutboxStreams.key(Lane.REPLY), (StreamEntryID) null,
                (StreamEntryID) null);
        assertEquals(1, out.size());
        OutboundSms sms = OutboundSms.fromFields(out.get(0).getFields());
        assertEquals(CITIZEN, sms.to());
        assertEquals("كيف أساعدك؟", sms.text());
        assertEquals(sent.smsId(), sms.id());
        List<StreamEntry> inbox = redis.client().xrange(RedisChatInbox.INBOX, (StreamEntryID) null, (StreamEntryID) null);
        ChatMessage recorded = ChatMessage.fromFields(inbox.get(inbox.size() - 1).getFields());
        assertEquals(ChatMessage.Direction.OUT, recorded.direction(), "the reply is in the dialog engine's inbox too");
        assertEquals(winner, recorded.agent());

        assertEquals(List.of("أريد مساعدة", "مرحبا", "كيف أساعدك؟"),
                desk.messages(c.id(), 50).stream().map(DeskMessage::text).toList());
        assertEquals(ChatStatus.CLOSED, desk.close(c.id(), winner, T0.plusSeconds(5)).status());
        assertTrue(desk.active().isEmpty());
        Conversation next = desk.fromCitizen("3-1", CITIZEN, Language.AR, "مرة أخرى", T0.plusSeconds(6)).orElseThrow();
        assertTrue(!next.id().equals(c.id()) && next.status() == ChatStatus.OPEN, "after close, a new conversation");
    }
}
