package sa.civilaffairs.cc.console.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XReadGroupParams;
import sa.civilaffairs.cc.chat.ChatInbox;
import sa.civilaffairs.cc.chat.ChatMessage;
import sa.civilaffairs.cc.chat.redis.RedisChatInbox;
import sa.civilaffairs.cc.console.chat.redis.DeskKeys;
import sa.civilaffairs.cc.console.chat.redis.InboxBridge;
import sa.civilaffairs.cc.console.chat.redis.RedisChatDesk;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.outbox.redis.RedisOutbox;
import sa.civilaffairs.cc.testkit.RedisExtension;
import sa.civilaffairs.cc.testkit.RedisHandle;
import sa.civilaffairs.cc.text.Language;

/**
 * A console instance that read a citizen's message and died before acknowledging it: the message stays pending under
 * its consumer name until a live instance takes it over (at start, and periodically while running) — once.
 */
@ExtendWith(RedisExtension.class)
class InboxReclaimIT {
    private static final Mobile FIRST = Mobile.parse("0551234567");
    private static final Mobile SECOND = Mobile.parse("0557654321");
    /** XADD and a read by the dead consumer in one step, so a running bridge's blocked read cannot take it first. */
    private static final String APPEND_AND_READ_AS_DEAD = """
            local fields = {}
            for i = 2, #ARGV do fields[#fields + 1] = ARGV[i] end
            redis.call('XADD', KEYS[1], '*', unpack(fields))
            return redis.call('XREADGROUP', 'GROUP', ARGV[1], 'console-dead-2', 'COUNT', 10, 'STREAMS', KEYS[1], '>')
            """;

    @Test
    void messagesLeftPendingByAStoppedConsoleAreTakenOverOnce(RedisHandle redis) {
        var client = redis.client();
        client.xgroupCreate(RedisChatInbox.INBOX, DeskKeys.INBOX_GROUP, StreamEntryID.XGROUP_LAST_ENTRY, true);
        new RedisChatInbox(client).append(message(FIRST, "أريد موعدا"));
        // the instance that died: read, never acknowledged
        var read = client.xreadGroup(DeskKeys.INBOX_GROUP, "console-dead-1", XReadGroupParams.xReadGroupParams()
                .count(10), Map.of(RedisChatInbox.INBOX, StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
        assertEquals(1, read.get(0).getValue().size());
        assertEquals(1, client.xpending(RedisChatInbox.INBOX, DeskKeys.INBOX_GROUP).getTotal());

        ChatDesk desk = new RedisChatDesk(client, new RedisChatInbox(client), new RedisOutbox(client), null);
        try (InboxBridge bridge = new InboxBridge(client, desk, "console-live", Duration.ofMillis(300)).start();
             InboxBridge second = new InboxBridge(client, desk, "console-live-2", Duration.ofMillis(300)).start()) {
            await("the pending message opens a conversation", () -> citizens(desk).equals(Set.of(FIRST)));
            await("nothing pending", () -> client.xpending(RedisChatInbox.INBOX, DeskKeys.INBOX_GROUP)
                    .getTotal() == 0);

            // while running: another instance dies with a message in hand
            List<String> args = new ArrayList<>();
            args.add(DeskKeys.INBOX_GROUP);
            message(SECOND, "مرحبا").toFields().forEach((k, v) -> {
                args.add(k);
                args.add(v);
            });
            client.eval(APPEND_AND_READ_AS_DEAD, List.of(RedisChatInbox.INBOX), args);
            await("taken over while running", () -> citizens(desk).equals(Set.of(FIRST, SECOND)));
            await("nothing pending", () -> client.xpending(RedisChatInbox.INBOX, DeskKeys.INBOX_GROUP)
                    .getTotal() == 0);
        }
        assertEquals(2, desk.active().size(), "two conversations, each opened once by two live instances");
        assertEquals(1, desk.messages(desk.active().get(0).id(), 50).size(), "each message applied once");
    }

    private static Set<Mobile> citizens(ChatDesk desk) {
        return desk.active().stream().map(Conversation::citizen).collect(Collectors.toSet());
    }

    private static ChatMessage message(Mobile from, String text) {
        return new ChatMessage(ChatInbox.conversationOf(from), from, ChatMessage.Direction.IN, text, Language.AR, "",
                Instant.now());
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            LockSupport.parkNanos(10_000_000);
        }
    }
}
