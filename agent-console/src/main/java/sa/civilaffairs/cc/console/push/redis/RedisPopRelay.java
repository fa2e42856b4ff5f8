package sa.civilaffairs.cc.console.push.redis;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;
import sa.civilaffairs.cc.console.redis.ReconnectBackoff;
import redis.clients.jedis.resps.StreamEntry;
import sa.civilaffairs.cc.console.push.PopRelay;
import sa.civilaffairs.cc.redis.LuaScript;

/**
 * Screen pops through Redis, so a pop reaches the agent whichever console instance their browser is connected to.
 * {@link #publish} runs {@code publish-pop.lua}: a marker {@code {pop:<agent>}:seen:<callId>} (SET NX, 15 min) lets
 * exactly one pop per call and agent through — across instances (each has its own AMI link) and AMI reconnects — and
 * appends it to the agent's stream {@code {pop:<agent>}:pops} (last ~50, kept a day) before publishing it on
 * {@value #CHANNEL}. Every instance subscribes (one thread, reconnecting with backoff) and hands each pop to its
 * {@link Delivery}; a browser that reconnects, or an instance whose subscription was down, reads what it missed from
 * the agent's stream ({@link #since}).
 */
public final class RedisPopRelay implements PopRelay {
    public static final String CHANNEL = "live:pops";
    private static final Logger log = LoggerFactory.getLogger(RedisPopRelay.class);
    private static final LuaScript PUBLISH = LuaScript.load(RedisPopRelay.class, "publish-pop.lua");
    private static final Duration SEEN_FOR = Duration.ofMinutes(15);
    private static final Duration KEPT_FOR = Duration.ofDays(1);

    private final UnifiedJedis redis;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong duplicates = new AtomicLong();
    private volatile JedisPubSub subscription;
    private Thread subscriber;

    public RedisPopRelay(UnifiedJedis redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    static String seenKey(String agent, String callId) {
        return "{pop:" + agent + "}:seen:" + callId;
    }

    static String streamKey(String agent) {
        return "{pop:" + agent + "}:pops";
    }

    @Override
    public String publish(String agent, String callId, String json) {
        Object id = PUBLISH.run(redis, List.of(seenKey(agent, callId), streamKey(agent)),
                List.of(json, CHANNEL, agent, Long.toString(SEEN_FOR.toSeconds()), Long.toString(KEPT_FOR.toSeconds())));
        if (id == null) {
            duplicates.incrementAndGet();
            return null;
        }
        return id instanceof byte[] b ? new String(b, java.nio.charset.StandardCharsets.UTF_8) : id.toString();
    }

    /** Pops refused because one was already published for the same call and agent. */
    public long duplicates() {
        return duplicates.get();
    }

    @Override
    public List<Entry> since(String agent, String afterId, Duration maxAge) {
        long oldest = clock.millis() - maxAge.toMillis();
        String start = afterId == null ? oldest + "-0" : "(" + afterId;
        List<Entry> out = new ArrayList<>();
        for (StreamEntry e : redis.xrange(streamKey(agent), start, "+", 100)) {
            if (e.getID().getTime() >= oldest) {
                out.add(new Entry(e.getID().toString(), e.getFields().get("pop")));
            }
        }
        return out;
    }

    @Override
    public synchronized void start(Delivery delivery, Runnable resubscribed) {
        if (!running.compareAndSet(false, true)) {
            throw new IllegalStateException("relay already started");
        }
        subscriber = new Thread(() -> listen(delivery, resubscribed), "live-pop-subscriber");
        subscriber.setDaemon(true);
        subscriber.start();
    }

    private void listen(Delivery delivery, Runnable resubscribed) {
        ReconnectBackoff backoff = new ReconnectBackoff(log, "pop subscription lost", running);
        boolean first = true;
        while (running.get()) {
            AtomicBoolean wasFirst = new AtomicBoolean(first);
            JedisPubSub sub = new JedisPubSub() {
                @Override
                public void onSubscribe(String channel, int count) {
                    if (!wasFirst.get()) {
                        resubscribed.run(); // pops published while we were away: read them from the streams
                    }
                }

                @Override
                public void onMessage(String channel, String message) {
                    int a = message.indexOf('\n');
                    int b = message.indexOf('\n', a + 1);
                    if (a > 0 && b > a) {
                        delivery.deliver(message.substring(0, a), message.substring(a + 1, b), message.substring(b + 1));
                    }
                }
            };
            subscription = sub;
            try {
                redis.subscribe(sub, CHANNEL);
                backoff.succeeded();
            } catch (JedisException e) {
                if (!backoff.pauseAfter(e)) {
                    return;
                }
            }
            first = false;
        }
    }

    /** Whether the subscription is currently up. */
    public boolean subscribed() {
        JedisPubSub sub = subscription;
        return sub != null && sub.isSubscribed();
    }

    @Override
    public synchronized void close() {
        running.set(false);
        JedisPubSub sub = subscription;
        if (sub != null && sub.isSubscribed()) {
            try {
                sub.unsubscribe();
            } catch (RuntimeException e) {
                log.debug("unsubscribe: {}", e.toString());
            }
        }
        if (subscriber != null) {
            subscriber.interrupt();
            try {
                subscriber.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
