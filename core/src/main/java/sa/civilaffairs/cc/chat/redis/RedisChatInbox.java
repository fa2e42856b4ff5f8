package sa.civilaffairs.cc.chat.redis;

import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.XAddParams;
import sa.civilaffairs.cc.chat.ChatInbox;
import sa.civilaffairs.cc.chat.ChatMessage;

/** The inbox as one Redis stream, {@value #INBOX}, read by the console. Thread-safe. */
public final class RedisChatInbox implements ChatInbox {
    public static final String INBOX = "{chat}:inbox";

    private final UnifiedJedis redis;

    public RedisChatInbox(UnifiedJedis redis) {
        this.redis = redis;
    }

    @Override
    public String append(ChatMessage message) {
        return redis.xadd(INBOX, XAddParams.xAddParams(), message.toFields()).toString();
    }
}
