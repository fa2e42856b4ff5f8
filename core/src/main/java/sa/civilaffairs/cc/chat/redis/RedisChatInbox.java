package sa.civilaffairs.cc.chat.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
import sa.civilaffairs.cc.chat.ChatException;
import sa.civilaffairs.cc.chat.ChatInbox;
import sa.civilaffairs.cc.chat.ChatMessage;
import sa.civilaffairs.cc.chat.ChatStatus;
import sa.civilaffairs.cc.chat.Conversation;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.outbox.Lane;
import sa.civilaffairs.cc.outbox.OutboundSms;
import sa.civilaffairs.cc.outbox.Outbox;
import sa.civilaffairs.cc.text.Language;

/**
 * The chat store in Redis (keys in {@link ChatKeys}); each state change is one Lua script on the {@code {chat}} slot,
 * so two agents claiming at once cannot both win. Replies go to the {@link Outbox} (lane REPLY) after the reply is
 * recorded; if the outbox refuses, the caller gets the exception and the recorded reply shows no delivery.
 * Thread-safe.
 */
public final class RedisChatInbox implements ChatInbox {
    private static final String OPEN = script("open.lua");
    private static final String CLAIM = script("claim.lua");
    private static final String REPLY = script("reply.lua");
    private static final String CLOSE = script("close.lua");

    private final UnifiedJedis redis;
    private final Outbox outbox;

    public RedisChatInbox(UnifiedJedis redis, Outbox outbox) {
        this.redis = redis;
        this.outbox = outbox;
    }

    @Override
    public Conversation open(Mobile citizen, Language language, String text, Instant at) {
        return append(citizen, language, text, at, true).orElseThrow();
    }

    @Override
    public Optional<Conversation> continueIfOpen(Mobile citizen, String text, Instant at) {
        return append(citizen, Language.AR, text, at, false);
    }

    private Optional<Conversation> append(Mobile citizen, Language language, String text, Instant at, boolean create) {
        requireText(text);
        Object r = redis.eval(OPEN, List.of(ChatKeys.BY_MOBILE, ChatKeys.ACTIVE, ChatKeys.SEQ, ChatKeys.CHANGES),
                List.of(citizen.e164(), language.code(), text, ms(at), ChatKeys.CONV_PREFIX, ChatKeys.MSGS_PREFIX,
                        create ? "1" : "0"));
        if (!(r instanceof List<?> list)) {
            return Optional.empty();
        }
        return conversation(string(list.get(0)));
    }

    @Override
    public Conversation claim(String conversationId, String agent, Instant at) {
        check(conversationId, redis.eval(CLAIM, List.of(ChatKeys.conversation(conversationId), ChatKeys.CHANGES),
                List.of(agent, ms(at), conversationId)));
        return conversation(conversationId).orElseThrow();
    }

    @Override
    public ChatMessage reply(String conversationId, String agent, String text, Instant at) {
        requireText(text);
        Conversation c = conversation(conversationId)
                .orElseThrow(() -> new ChatException(ChatException.Reason.UNKNOWN_CONVERSATION, conversationId));
        String smsId = "chat-" + conversationId + "-" + UUID.randomUUID();
        List<?> r = (List<?>) redis.eval(REPLY, List.of(ChatKeys.conversation(conversationId),
                ChatKeys.messages(conversationId), ChatKeys.CHANGES), List.of(agent, text, smsId, ms(at),
                conversationId));
        check(conversationId, r.get(0));
        outbox.enqueue(new OutboundSms(smsId, c.citizen(), Lane.REPLY, c.language(), "", text, conversationId, at));
        return new ChatMessage(string(r.get(1)), conversationId, ChatMessage.Direction.TO_CITIZEN, agent, text, smsId,
                at);
    }

    @Override
    public Conversation close(String conversationId, String agent, Instant at) {
        check(conversationId, redis.eval(CLOSE, List.of(ChatKeys.conversation(conversationId), ChatKeys.ACTIVE,
                ChatKeys.BY_MOBILE, ChatKeys.CHANGES), List.of(agent, ms(at), conversationId)));
        return conversation(conversationId).orElseThrow();
    }

    @Override
    public List<Conversation> active() {
        List<Conversation> out = new ArrayList<>();
        for (String id : redis.zrange(ChatKeys.ACTIVE, 0, -1)) {
            conversation(id).ifPresent(out::add);
        }
        return out;
    }

    @Override
    public Optional<Conversation> conversation(String conversationId) {
        Map<String, String> h = redis.hgetAll(ChatKeys.conversation(conversationId));
        if (h == null || h.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Conversation(h.get("id"), new Mobile(h.get("mobile")), Language.fromCode(h.get("lang")),
                ChatStatus.valueOf(h.get("status")), h.get("agent"), Instant.ofEpochMilli(Long.parseLong(h.get("openedAt"))),
                Instant.ofEpochMilli(Long.parseLong(h.get("lastAt")))));
    }

    @Override
    public List<ChatMessage> messages(String conversationId, int limit) {
        List<StreamEntry> entries = redis.xrevrange(ChatKeys.messages(conversationId), (StreamEntryID) null, null,
                limit);
        List<ChatMessage> out = new ArrayList<>();
        for (StreamEntry e : entries) {
            out.add(message(conversationId, e.getID().toString(), e.getFields()));
        }
        Collections.reverse(out);
        return out;
    }

    /** Reads one entry of a conversation's message stream. */
    public static ChatMessage message(String conversationId, String entryId, Map<String, String> f) {
        return new ChatMessage(entryId, conversationId, ChatMessage.Direction.valueOf(f.get("dir")), f.get("author"),
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

    private static String script(String name) {
        try (InputStream in = RedisChatInbox.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing Lua script " + name + " beside RedisChatInbox");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
