package sa.civilaffairs.cc.console.chat.redis;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;
import sa.civilaffairs.cc.console.redis.ReconnectBackoff;
import redis.clients.jedis.params.XAutoClaimParams;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamEntry;
import sa.civilaffairs.cc.chat.ChatMessage;
import sa.civilaffairs.cc.chat.redis.RedisChatInbox;
import sa.civilaffairs.cc.console.chat.ChatDesk;

/**
 * Brings citizens' chat messages from the dialog engine's inbox stream ({@value RedisChatInbox#INBOX}, core
 * {@code chat.ChatInbox}) to the {@link ChatDesk}: one thread per console instance reads the stream in the consumer
 * group {@value DeskKeys#INBOX_GROUP} (created at {@code $}: messages from before the first console start are not
 * opened as conversations), applies each IN message once ({@code fromCitizen} is idempotent per entry id, too) and
 * acknowledges it. OUT messages (agents' replies) are skipped: the desk recorded them already.
 *
 * <p>An instance that dies between reading an entry and acknowledging it leaves the entry pending under its consumer
 * name (random per instance, never seen again). So at start and then every {@code minIdle}, each instance takes over
 * with XAUTOCLAIM the group's entries pending longer than {@code minIdle} (default {@value #DEFAULT_MIN_IDLE_SECONDS}
 * s), applies and acknowledges them. Applying twice is harmless: {@code fromCitizen} ignores an entry id it has seen.
 */
public final class InboxBridge implements AutoCloseable {
    static final long DEFAULT_MIN_IDLE_SECONDS = 60;
    private static final Logger log = LoggerFactory.getLogger(InboxBridge.class);

    private final UnifiedJedis redis;
    private final ChatDesk desk;
    private final String consumer;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private final Duration minIdle;
    private long nextReclaim;

    public InboxBridge(UnifiedJedis redis, ChatDesk desk, String consumer) {
        this(redis, desk, consumer, Duration.ofSeconds(DEFAULT_MIN_IDLE_SECONDS));
    }

    /** {@code minIdle}: how long an entry stays pending with another consumer before this one takes it over. */
    public InboxBridge(UnifiedJedis redis, ChatDesk desk, String consumer, Duration minIdle) {
        if (minIdle == null || minIdle.isNegative() || minIdle.isZero()) {
            throw new IllegalArgumentException("minIdle: " + minIdle + " (expected: a positive duration)");
        }
        this.redis = redis;
        this.desk = desk;
        this.consumer = consumer;
        this.minIdle = minIdle;
        this.thread = new Thread(this::run, "live-chat-inbox");
        thread.setDaemon(true);
    }

    /** Creates the consumer group if needed (so messages appended from now on are seen), then starts reading. */
    public InboxBridge start() {
        try {
            redis.xgroupCreate(RedisChatInbox.INBOX, DeskKeys.INBOX_GROUP, StreamEntryID.XGROUP_LAST_ENTRY, true);
        } catch (JedisDataException e) {
            if (!String.valueOf(e.getMessage()).startsWith("BUSYGROUP")) {
                throw e;
            }
        }
        nextReclaim = System.nanoTime();
        thread.start();
        return this;
    }

    private void run() {
        ReconnectBackoff backoff = new ReconnectBackoff(log, "chat inbox bridge", running);
        while (running.get()) {
            try {
                if (System.nanoTime() - nextReclaim >= 0) {
                    reclaim();
                    nextReclaim = System.nanoTime() + minIdle.toNanos();
                }
                List<Map.Entry<String, List<StreamEntry>>> read = redis.xreadGroup(DeskKeys.INBOX_GROUP, consumer,
                        XReadGroupParams.xReadGroupParams().block(1000).count(100),
                        Map.of(RedisChatInbox.INBOX, StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
                if (read != null) {
                    for (Map.Entry<String, List<StreamEntry>> stream : read) {
                        for (StreamEntry e : stream.getValue()) {
                            apply(e);
                            redis.xack(RedisChatInbox.INBOX, DeskKeys.INBOX_GROUP, e.getID());
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

    /** Takes over, applies and acknowledges every entry pending with any consumer for longer than {@code minIdle}. */
    int reclaim() {
        int taken = 0;
        StreamEntryID cursor = new StreamEntryID(0, 0);
        do {
            Map.Entry<StreamEntryID, List<StreamEntry>> page = redis.xautoclaim(RedisChatInbox.INBOX,
                    DeskKeys.INBOX_GROUP, consumer, minIdle.toMillis(), cursor, XAutoClaimParams.xAutoClaimParams()
                            .count(100));
            for (StreamEntry e : page.getValue()) {
                if (e == null || e.getFields() == null) {
                    continue; // deleted from the stream meanwhile: XAUTOCLAIM drops it from the pending list
                }
                apply(e);
                redis.xack(RedisChatInbox.INBOX, DeskKeys.INBOX_GROUP, e.getID());
                taken++;
            }
            cursor = page.getKey();
        } while (cursor != null && !(cursor.getTime() == 0 && cursor.getSequence() == 0));
        if (taken > 0) {
            log.info("chat inbox: took over {} entries left unacknowledged by a stopped console", taken);
        }
        return taken;
    }

    private void apply(StreamEntry e) {
        ChatMessage m;
        try {
            m = ChatMessage.fromFields(e.getFields());
        } catch (RuntimeException bad) {
            log.warn("chat inbox entry {} skipped: {}", e.getID(), bad.getClass().getSimpleName());
            return;
        }
        if (m.direction() == ChatMessage.Direction.IN) {
            desk.fromCitizen(e.getID().toString(), m.number(), m.language(), m.text(), m.at());
        }
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
