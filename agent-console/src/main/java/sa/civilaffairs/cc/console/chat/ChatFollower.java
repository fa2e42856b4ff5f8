package sa.civilaffairs.cc.console.chat;

import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;
import sa.civilaffairs.cc.console.redis.ReconnectBackoff;
import redis.clients.jedis.params.XReadParams;
import redis.clients.jedis.resps.StreamEntry;
import sa.civilaffairs.cc.console.chat.ChatDesk;
import sa.civilaffairs.cc.console.chat.redis.DeskKeys;
import sa.civilaffairs.cc.console.chat.redis.RedisChatDesk;
import sa.civilaffairs.cc.console.auth.Role;
import sa.civilaffairs.cc.console.push.PushHub;

/**
 * Follows the chat desk's change stream ({@value DeskKeys#CHANGES}) on one thread per console instance and pushes each change
 * to the agents connected here as a {@code chat} event: {@code {kind, conversation, message?}}. Every instance reads
 * the whole stream (no consumer group): each has its own browsers to tell.
 */
public final class ChatFollower implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ChatFollower.class);

    private final UnifiedJedis redis;
    private final ChatDesk inbox;
    private final PushHub hub;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    public ChatFollower(UnifiedJedis redis, ChatDesk inbox, PushHub hub, Clock clock) {
        this.redis = redis;
        this.inbox = inbox;
        this.hub = hub;
        this.clock = clock;
        this.thread = new Thread(this::run, "live-chat-follower");
        thread.setDaemon(true);
    }

    public ChatFollower start() {
        thread.start();
        return this;
    }

    private void run() {
        StreamEntryID last = null;
        ReconnectBackoff backoff = new ReconnectBackoff(log, "chat follower", running);
        while (running.get()) {
            try {
                if (last == null) {
                    List<StreamEntry> tail = redis.xrevrange(DeskKeys.CHANGES, (StreamEntryID) null, null, 1);
                    last = tail.isEmpty() ? new StreamEntryID(0, 0) : tail.get(0).getID();
                }
                List<Map.Entry<String, List<StreamEntry>>> read = redis.xread(
                        XReadParams.xReadParams().block(1000).count(200), Map.of(DeskKeys.CHANGES, last));
                if (read != null) {
                    for (Map.Entry<String, List<StreamEntry>> stream : read) {
                        for (StreamEntry e : stream.getValue()) {
                            last = e.getID();
                            push(e.getFields());
                        }
                    }
                }
                backoff.succeeded();
            } catch (JedisException e) {
                if (!backoff.pauseAfter(e)) {
                    return;
                }
            }
        }
    }

    private void push(Map<String, String> f) {
        String id = f.get("conv");
        if (hub.size() == 0 || id == null) {
            return;
        }
        JsonObject event = new JsonObject().put("kind", f.get("kind"));
        inbox.conversation(id).ifPresent(c -> event.put("conversation", ChatJson.conversation(c, clock.instant())));
        String msg = f.get("msg");
        if (msg != null && !msg.isEmpty()) {
            List<StreamEntry> m = redis.xrange(DeskKeys.messages(id), msg, msg, 1);
            if (!m.isEmpty()) {
                event.put("message", ChatJson.message(RedisChatDesk.message(id, msg, m.get(0).getFields())));
            }
        }
        hub.toRole(Role.AGENT, "chat", event.encode());
    }

    @Override
    public void close() {
        running.set(false);
        thread.interrupt();
        try {
            thread.join(3_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
