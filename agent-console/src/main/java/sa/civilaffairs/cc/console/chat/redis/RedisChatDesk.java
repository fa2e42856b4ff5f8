package sa.civilaffairs.cc.console.chat.redis;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.resps.StreamEntry;
import sa.civilaffairs.cc.chat.ChatInbox;
import sa.civilaffairs.cc.chat.ChatMessage;
import sa.civilaffairs.cc.chat.ChatReplies;
import sa.civilaffairs.cc.console.chat.ChatDesk;
import sa.civilaffairs.cc.console.chat.ChatException;
import sa.civilaffairs.cc.console.chat.ChatStatus;
import sa.civilaffairs.cc.console.chat.Conversation;
import sa.civilaffairs.cc.console.chat.DeskMessage;
import sa.civilaffairs.cc.redis.LuaScript;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.outbox.Lane;
import sa.civilaffairs.cc.outbox.OutboundSms;
import sa.civilaffairs.cc.outbox.Outbox;
import sa.civilaffairs.cc.text.Language;

/**
 * The chat desk in Redis (keys in {@link DeskKeys}); each state change is one Lua script on the {@code {chat}} slot,
 * so two agents claiming at once cannot both win. A reply is recorded, then sent: through the core
 * {@link ChatReplies} when the console has message templates (the {@code chat.reply} template; it also appends the
 * OUT message to the inbox), else as the agent's plain text on the outbox REPLY lane with the OUT message appended to
 * the {@link ChatInbox} here. Thread-safe.
 */
public final class RedisChatDesk implements ChatDesk {
    private static final LuaScript OPEN = LuaScript.load(RedisChatDesk.class, "open.lua");
    private static final LuaScript CLAIM = LuaScript.load(RedisChatDesk.class, "claim.lua");
    private static final LuaScript REPLY = LuaScript.load(RedisChatDesk.class, "reply.lua");
    private static final LuaScript CLOSE = LuaScript.load(RedisChatDesk.class, "close.lua");

    private final UnifiedJedis redis;
    private final ChatInbox inbox;
    private final Outbox outbox;
    private final ChatReplies replies;

    /** {@code replies} may be null: then replies go out as plain text (see the class comment). */
    public RedisChatDesk(UnifiedJedis redis, ChatInbox inbox, Outbox outbox, ChatReplies replies) {
        this.redis = redis;
        this.inbox = inbox;
        this.outbox = outbox;
        this.replies = replies;
    }

    @Override
    public Optional<Conversation> fromCitizen(String inboxEntryId, Mobile citizen, Language language, String text,
                                              Instant at) {
        requireText(text);
        Object r = OPEN.run(redis, List.of(DeskKeys.BY_MOBILE, DeskKeys.ACTIVE, DeskKeys.SEQ, DeskKeys.CHANGES,
                DeskKeys.seen(inboxEntryId)), List.of(citizen.e164(), language.code(), text, ms(at),
                DeskKeys.CONV_PREFIX, DeskKeys.MSGS_PREFIX));
        if (!(r instanceof List<?> list)) {
            return Optional.empty();
        }
        return conversation(string(list.get(0)));
    }

    @Override
    public Conversation claim(String conversationId, String agent, Instant at) {
        check(conversationId, CLAIM.run(redis, List.of(DeskKeys.conversation(conversationId), DeskKeys.CHANGES),
                List.of(agent, ms(at), conversationId)));
        return conversation(conversationId).orElseThrow();
    }

    @Override
    public DeskMessage reply(String conversationId, String agent, String text, Instant at) {
        requireText(text);
        Conversation c = conversation(conversationId)
                .orElseThrow(() -> new ChatException(ChatException.Reason.UNKNOWN_CONVERSATION, conversationId));
        String smsId = "chat-" + conversationId + "-" + UUID.randomUUID();
        List<?> r = (List<?>) REPLY.run(redis, List.of(DeskKeys.conversation(conversationId),
                DeskKeys.messages(conversationId), DeskKeys.CHANGES), List.of(agent, text, smsId, ms(at),
                conversationId));
        check(conversationId, r.get(0));
        if (replies != null) {
            smsId = replies.reply(c.citizen(), agent, text, c.language());
        } else {
            inbox.append(new ChatMessage(ChatInbox.conversationOf(c.citizen()), c.citizen(),
                    ChatMessage.Direction.OUT, text, c.language(), agent, at));
            outbox.enqueue(new OutboundSms(smsId, c.citizen(), Lane.REPLY, c.language(), "", text, "", at));
        }
        return new DeskMessage(string(r.get(1)), conversationId, DeskMessage.Direction.TO_CITIZEN, agent, text, smsId,
                at);
    }

    @Override
    public Conversation close(String conversationId, String agent, Instant at) {
        check(conversationId, CLOSE.run(redis, List.of(DeskKeys.conversation(conversationId), DeskKeys.ACTIVE,
                DeskKeys.BY_MOBILE, DeskKeys.CHANGES), List.of(agent, ms(at), conversationId)));
        return conversation(conversationId).orElseThrow();
    }

    @Override
    public List<Conversation> active() {
        List<Conversation> out = new ArrayList<>();
        for (String id : redis.zrange(DeskKeys.ACTIVE, 0, -1)) {
            conversation(id).ifPresent(out::add);
        }
        return out;
    }

    @Override
    public Optional<Conversation> conversation(String conversationId) {
        if (conversationId == null || !conversationId.matches("c[0-9]{1,18}")) {
            return Optional.empty();
        }
        Map<String, String> h = redis.hgetAll(DeskKeys.conversation(conversationId));
        if (h == null || h.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Conversation(h.get("id"), new Mobile(h.get("mobile")), Language.fromCode(h.get("lang")),
                ChatStatus.valueOf(h.get("status")), h.get("agent"),
                Instant.ofEpochMilli(Long.parseLong(h.get("openedAt"))),
                Instant.ofEpochMilli(Long.parseLong(h.get("lastAt")))));
    }

    @Override
    public List<DeskMessage> messages(String conversationId, int limit) {
        List<StreamEntry> entries = redis.xrevrange(DeskKeys.messages(conversationId), (StreamEntryID) null, null,
                limit);
        List<DeskMessage> out = new ArrayList<>();
        for (StreamEntry e : entries) {
            out.add(message(conversationId, e.getID().toString(), e.getFields()));
        }
        Collections.reverse(out);
        return out;
    }

    /** Reads one entry of a conversation's message stream. */
    public static DeskMessage message(String conversationId, String entryId, Map<String, String> f) {
        return new DeskMessage(entryId, conversationId, DeskMessage.Direction.valueOf(f.get("dir")), f.get("author"),
                f.get("text"), f.get("sms"), Instant.ofEpochMilli(Long.parseLong(f.get("at"))));
    }

    private static void check(String conversationId, Object answer) {
        String s = string(answer);
        if (!"OK".equals(s)) {
            throw new ChatException(ChatException.Reason.valueOf(s), conversationId);
        }
    }

    private static void requireText(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("chat text: empty (expected: the message)");
        }
    }

    private static String string(Object o) {
        return o instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : String.valueOf(o);
    }

    private static String ms(Instant at) {
        return Long.toString(at.toEpochMilli());
    }
}
