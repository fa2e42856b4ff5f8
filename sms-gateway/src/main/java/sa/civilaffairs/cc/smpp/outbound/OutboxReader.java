package sa.civilaffairs.cc.smpp.outbound;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.XAutoClaimParams;
import redis.clients.jedis.params.XClaimParams;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamEntry;
import sa.civilaffairs.cc.outbox.Lane;
import sa.civilaffairs.cc.outbox.OutboundSms;
import sa.civilaffairs.cc.outbox.redis.OutboxStreams;
import sa.civilaffairs.cc.smpp.GatewayMetrics;
import sa.civilaffairs.cc.smpp.codec.Segments;
import sa.civilaffairs.cc.smpp.redis.RedisMessages;
import sa.civilaffairs.cc.smpp.redis.SmsKeys;

/**
 * Moves outbox entries to the senders' queue, REPLY before NOTIFICATION before BULK: reads the consumer group
 * {@value OutboxStreams#CONSUMER_GROUP} as this gateway's consumer, first what it was given before a restart, then new
 * entries, and every half {@code claimIdle} claims (XAUTOCLAIM) entries another gateway took and left unfinished. Reads
 * only while the queue has room, so a stopped gateway holds few entries. Runs on its own thread.
 */
final class OutboxReader implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(OutboxReader.class);
    private static final Lane[] LANES = Lane.values();

    private final UnifiedJedis redis;
    private final RedisMessages messages;
    private final PriorityBlockingQueue<Job> queue;
    private final Map<String, Lane> held;
    private final int capacity;
    private final String consumer;
    private final Duration claimIdle;
    private final GatewayMetrics metrics;
    private final AtomicLong order = new AtomicLong();
    private volatile boolean running = true;
    private int reference;

    OutboxReader(UnifiedJedis redis, RedisMessages messages, PriorityBlockingQueue<Job> queue, Map<String, Lane> held,
                 int capacity, String consumer, Duration claimIdle, GatewayMetrics metrics) {
        this.redis = redis;
        this.messages = messages;
        this.queue = queue;
        this.held = held;
        this.capacity = capacity;
        this.consumer = consumer;
        this.claimIdle = claimIdle;
        this.metrics = metrics;
    }

    void stop() {
        running = false;
    }

    @Override
    public void run() {
        boolean ready = false;
        long nextClaim = 0;
        while (running) {
            try {
                if (!ready) {
                    createGroups();
                    for (Lane lane : LANES) {
                        readOwnPending(lane);
                    }
                    ready = true;
                }
                if (System.nanoTime() - nextClaim > 0) {
                    keepHeld();
                    claim();
                    nextClaim = System.nanoTime() + claimIdle.toNanos() / 2;
                }
                int room = capacity - queue.size();
                if (room <= 0) {
                    LockSupport.parkNanos(1_000_000);
                    continue;
                }
                if (!readByPriority(Math.min(room, 200))) {
                    readBlocking(Math.min(room, 200));
                }
            } catch (JedisException e) {
                if (running) {
                    log.warn("outbox read failed, retrying: {}", e.toString());
                    LockSupport.parkNanos(500_000_000L);
                }
            } catch (RuntimeException e) {
                log.error("outbox reader: {}", e.toString(), e);
                LockSupport.parkNanos(500_000_000L);
            }
        }
    }

    private void createGroups() {
        for (Lane lane : LANES) {
            try {
                redis.xgroupCreate(SmsKeys.outbox(lane), OutboxStreams.CONSUMER_GROUP, new StreamEntryID(0, 0), true);
            } catch (JedisDataException e) {
                if (e.getMessage() == null || !e.getMessage().startsWith("BUSYGROUP")) {
                    throw e;
                }
            }
        }
    }

    private void readOwnPending(Lane lane) {
        StreamEntryID from = new StreamEntryID(0, 0);
        while (running) {
            List<Map.Entry<String, List<StreamEntry>>> r = redis.xreadGroup(OutboxStreams.CONSUMER_GROUP, consumer,
                    XReadGroupParams.xReadGroupParams().count(200), Map.of(SmsKeys.outbox(lane), from));
            List<StreamEntry> entries = r == null || r.isEmpty() ? List.of() : r.get(0).getValue();
            if (entries.isEmpty()) {
                return;
            }
            dispatch(lane, entries, true);
            from = entries.get(entries.size() - 1).getID();
        }
    }

    /**
     * Resets the idle time of the entries this gateway holds (queued while a link is down, or throttled), so that
     * another gateway does not claim them; were it to, the owner check of the begin script still lets one send.
     */
    private void keepHeld() {
        for (Lane lane : LANES) {
            List<StreamEntryID> ids = new ArrayList<>();
            held.forEach((id, l) -> {
                if (l == lane) {
                    ids.add(new StreamEntryID(id));
                }
            });
            for (int i = 0; i < ids.size(); i += 500) {
                redis.xclaimJustId(SmsKeys.outbox(lane), OutboxStreams.CONSUMER_GROUP, consumer, 0,
                        XClaimParams.xClaimParams(), ids.subList(i, Math.min(ids.size(), i + 500))
                                .toArray(new StreamEntryID[0]));
            }
        }
    }

    private void claim() {
        for (Lane lane : LANES) {
            StreamEntryID cursor = new StreamEntryID(0, 0);
            do {
                Map.Entry<StreamEntryID, List<StreamEntry>> r = redis.xautoclaim(SmsKeys.outbox(lane),
                        OutboxStreams.CONSUMER_GROUP, consumer, claimIdle.toMillis(), cursor,
                        XAutoClaimParams.xAutoClaimParams().count(100));
                List<StreamEntry> claimed = new ArrayList<>();
                for (StreamEntry e : r.getValue()) {
                    if (e != null && e.getFields() != null && !held.containsKey(e.getID().toString())) {
                        claimed.add(e);
                    }
                }
                if (!claimed.isEmpty()) {
                    log.info("claimed {} unfinished {} outbox entries", claimed.size(), lane);
                    dispatch(lane, claimed, true);
                }
                cursor = r.getKey();
            } while (running && !(cursor.getTime() == 0 && cursor.getSequence() == 0));
        }
    }

    private boolean readByPriority(int count) {
        for (Lane lane : LANES) {
            List<Map.Entry<String, List<StreamEntry>>> r = redis.xreadGroup(OutboxStreams.CONSUMER_GROUP, consumer,
                    XReadGroupParams.xReadGroupParams().count(count),
                    Map.of(SmsKeys.outbox(lane), StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
            if (r != null && !r.isEmpty() && !r.get(0).getValue().isEmpty()) {
                dispatch(lane, r.get(0).getValue(), false);
                return true;
            }
        }
        return false;
    }

    private void readBlocking(int count) {
        Map<String, StreamEntryID> streams = new LinkedHashMap<>();
        for (Lane lane : LANES) {
            streams.put(SmsKeys.outbox(lane), StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY);
        }
        List<Map.Entry<String, List<StreamEntry>>> r = redis.xreadGroup(OutboxStreams.CONSUMER_GROUP, consumer,
                XReadGroupParams.xReadGroupParams().count(count).block(200), streams);
        if (r == null) {
            return;
        }
        for (Map.Entry<String, List<StreamEntry>> e : r) {
            for (Lane lane : LANES) {
                if (SmsKeys.outbox(lane).equals(e.getKey())) {
                    dispatch(lane, e.getValue(), false);
                }
            }
        }
    }

    private void dispatch(Lane lane, List<StreamEntry> entries, boolean recovered) {
        List<RedisMessages.Take> takes = new ArrayList<>(entries.size());
        List<Job> jobs = new ArrayList<>(entries.size());
        for (StreamEntry e : entries) {
            OutboundSms sms;
            Segments segments;
            try {
                sms = OutboundSms.fromFields(e.getFields());
                segments = Segments.of(sms.text(), reference++);
            } catch (RuntimeException bad) {
                // an entry nobody can send: acknowledged so it does not come back forever, and logged
                log.error("outbox entry {} on {} is malformed and dropped: {}", e.getID(), lane, bad.getMessage());
                redis.xack(SmsKeys.outbox(lane), OutboxStreams.CONSUMER_GROUP, e.getID());
                continue;
            }
            if (held.containsKey(e.getID().toString())) {
                continue;
            }
            takes.add(new RedisMessages.Take(sms.id(), sms.to().e164(), lane, e.getID().toString(),
                    segments.count()));
            jobs.add(new Job(sms, e.getID().toString(), segments, order.incrementAndGet()));
        }
        List<RedisMessages.Decision> decisions = messages.take(consumer, takes);
        for (int i = 0; i < decisions.size(); i++) {
            switch (decisions.get(i)) {
                case SEND -> {
                    held.put(jobs.get(i).entryId(), lane);
                    queue.add(jobs.get(i));
                }
                case SUPPRESSED -> metrics.mtSuppressed.increment();
                case UNKNOWN -> log.warn("outbox entry {} was being sent by a gateway that stopped: UNKNOWN, not resent",
                        jobs.get(i).entryId());
                case DONE -> {
                    if (recovered) {
                        log.debug("outbox entry {} already handled", jobs.get(i).entryId());
                    }
                }
            }
        }
    }
}
