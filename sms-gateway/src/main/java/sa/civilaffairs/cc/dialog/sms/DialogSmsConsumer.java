package sa.civilaffairs.cc.dialog.sms;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.XAutoClaimParams;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamEntry;
import sa.civilaffairs.cc.dialog.DialogEngine;
import sa.civilaffairs.cc.dialog.IncomingText;
import sa.civilaffairs.cc.dialog.Reply;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.outbox.Lane;
import sa.civilaffairs.cc.outbox.OutboundSms;
import sa.civilaffairs.cc.outbox.redis.OutboxStreams;

/**
 * Runs the dialog engine on every complete inbound SMS of {@value #INBOUND} (written by the SMPP receiver) and puts
 * the replies in the REPLY lane of the outbox with {@code inReplyTo} = the inbound id.
 *
 * <p>Crash safety: an entry is acknowledged in the same atomic script that adds its replies, and only once per
 * inbound id (a marker key), so a consumer that dies mid-way leaves the entry pending; another consumer (or this one
 * on restart) claims it after {@code claimIdle} and the engine, which remembers each id's answer, gives the same
 * replies, which the script then does not add twice. An entry that keeps failing is dropped after
 * {@code maxAttempts}.
 *
 * <p>Senders that are not Saudi mobiles (alphanumeric senders, the short code itself, other short codes) are
 * acknowledged and ignored: answering them could start a loop between two automatic senders.
 *
 * <p>One reader thread; the messages are handled by {@code workers} threads, all of one number's messages by the same
 * worker in stream order. {@link #close()} stops reading and waits for the messages in hand.
 */
public final class DialogSmsConsumer implements AutoCloseable {

    public static final String INBOUND = "{sms}:inbound";
    private static final Logger LOG = LoggerFactory.getLogger(DialogSmsConsumer.class);
    private static final Duration ANSWERED_MEMORY = Duration.ofDays(2);
    private static final String ANSWER = load("answer.lua");

    private final UnifiedJedis redis;
    private final DialogEngine engine;
    private final DialogSmsSettings settings;
    private final Clock clock;
    private final ExecutorService[] workers;
    private final AtomicBoolean running = new AtomicBoolean();
    private final Map<String, Integer> attempts = new ConcurrentHashMap<>();
    private final AtomicLong handled = new AtomicLong();
    private final Semaphore inHand;
    private volatile Thread reader;
    private volatile Instant lastClaim = Instant.EPOCH;

    public DialogSmsConsumer(UnifiedJedis redis, DialogEngine engine, DialogSmsSettings settings, Clock clock) {
        this.redis = redis;
        this.engine = engine;
        this.settings = settings;
        this.clock = clock;
        this.inHand = new Semaphore(4 * settings.batch());
        this.workers = new ExecutorService[settings.workers()];
        for (int i = 0; i < workers.length; i++) {
            int n = i;
            workers[i] = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "dialog-sms-" + settings.consumer() + "-" + n);
                t.setDaemon(true);
                return t;
            });
        }
    }

    /** The marker that says inbound message {@code id} was answered. */
    public static String answeredKey(String id) {
        return "{sms}:dialog:answered:" + id;
    }

    /** Creates the consumer group if needed and starts reading. */
    public synchronized void start() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        ensureGroup();
        Thread t = new Thread(this::loop, "dialog-sms-reader-" + settings.consumer());
        t.setDaemon(true);
        reader = t;
        t.start();
    }

    /** How many inbound messages this consumer has finished (answered or ignored). */
    public long handled() {
        return handled.get();
    }

    private void ensureGroup() {
        try {
            redis.xgroupCreate(INBOUND, settings.group(), new StreamEntryID(0, 0), true);
        } catch (JedisDataException e) {
            if (e.getMessage() == null || !e.getMessage().startsWith("BUSYGROUP")) {
                throw e;
            }
        }
    }

    private void loop() {
        while (running.get()) {
            try {
                pollOnce();
            } catch (RuntimeException e) {
                LOG.warn("dialog consumer {}: reading {} failed, retrying: {}", settings.consumer(), INBOUND,
                        e.toString());
                pause();
            }
        }
    }

    /** One round: claims entries abandoned by crashed consumers (at most every claimIdle), then reads new ones. */
    int pollOnce() {
        List<StreamEntry> entries = new ArrayList<>();
        Instant now = Instant.now();
        if (Duration.between(lastClaim, now).compareTo(settings.claimIdle()) >= 0) {
            lastClaim = now;
            Map.Entry<StreamEntryID, List<StreamEntry>> claimed = redis.xautoclaim(INBOUND, settings.group(),
                    settings.consumer(), settings.claimIdle().toMillis(), new StreamEntryID(0, 0),
                    XAutoClaimParams.xAutoClaimParams().count(settings.batch()));
            if (claimed != null && claimed.getValue() != null) {
                claimed.getValue().stream().filter(e -> e != null && e.getFields() != null).forEach(entries::add);
            }
        }
        if (entries.isEmpty()) {
            List<Map.Entry<String, List<StreamEntry>>> read = redis.xreadGroup(settings.group(), settings.consumer(),
                    XReadGroupParams.xReadGroupParams().count(settings.batch())
                            .block((int) settings.block().toMillis()),
                    Map.of(INBOUND, StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
            if (read != null) {
                read.forEach(stream -> entries.addAll(stream.getValue()));
            }
        }
        handleAll(entries);
        return entries.size();
    }

    /**
     * Hands each entry to the worker of its number and returns at once: one number's messages stay in stream order
     * on one thread, and the reader goes on reading while the workers answer. At most {@code 4 * batch} entries are
     * in hand; the reader waits for room beyond that.
     */
    private void handleAll(List<StreamEntry> entries) {
        for (StreamEntry entry : entries) {
            try {
                inHand.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            String from = entry.getFields().getOrDefault("from", "");
            workers[Math.floorMod(from.hashCode(), workers.length)].execute(() -> {
                try {
                    handleOne(entry);
                } finally {
                    inHand.release();
                }
            });
        }
    }

    private void handleOne(StreamEntry entry) {
        String entryId = entry.getID().toString();
        Map<String, String> fields = entry.getFields();
        String id = fields.getOrDefault("id", "");
        if (id.isBlank()) {
            id = entryId;
        }
        try {
            Optional<Mobile> from = sender(fields.getOrDefault("from", ""));
            List<OutboundSms> replies = List.of();
            if (from.isPresent()) {
                Instant receivedAt = parseInstant(fields.get("receivedAt"));
                List<Reply> answers = engine.handle(new IncomingText(id, from.get(), fields.getOrDefault("text", ""),
                        receivedAt));
                replies = outbound(id, from.get(), answers);
            }
            answer(id, entryId, replies);
            attempts.remove(entryId);
            handled.incrementAndGet();
        } catch (RuntimeException e) {
            int attempt = attempts.merge(entryId, 1, Integer::sum);
            if (attempt >= settings.maxAttempts()) {
                LOG.error("dialog consumer {}: inbound {} failed {} times, dropped: {}", settings.consumer(), id,
                        attempt, e.toString());
                attempts.remove(entryId);
                try {
                    redis.xack(INBOUND, settings.group(), entry.getID());
                } catch (RuntimeException ackFailed) {
                    LOG.warn("dialog consumer {}: cannot drop inbound {}: {}", settings.consumer(), id,
                            ackFailed.toString());
                }
            } else {
                LOG.warn("dialog consumer {}: inbound {} failed (attempt {}), left pending: {}", settings.consumer(),
                        id, attempt, e.toString());
            }
        }
    }

    /** A Saudi mobile that is not the short code, or empty for senders that must not be answered. */
    private Optional<Mobile> sender(String from) {
        if (from.isBlank() || from.equals(settings.shortCode()) || !from.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Mobile.tryParse(from);
    }

    private static Instant parseInstant(String epochMillis) {
        try {
            return epochMillis == null ? Instant.now() : Instant.ofEpochMilli(Long.parseLong(epochMillis));
        } catch (NumberFormatException e) {
            return Instant.now();
        }
    }

    private List<OutboundSms> outbound(String inboundId, Mobile to, List<Reply> answers) {
        List<OutboundSms> out = new ArrayList<>(answers.size());
        for (int i = 0; i < answers.size(); i++) {
            Reply reply = answers.get(i);
            out.add(new OutboundSms(inboundId + "-r" + (i + 1), to, Lane.REPLY, reply.language(),
                    reply.templateId(), reply.text(), inboundId, clock.instant()));
        }
        return out;
    }

    private void answer(String inboundId, String entryId, List<OutboundSms> replies) {
        List<String> args = new ArrayList<>();
        args.add(Long.toString(ANSWERED_MEMORY.toMillis()));
        args.add(settings.group());
        args.add(entryId);
        int width = replies.isEmpty() ? 0 : replies.get(0).toFields().size() * 2;
        args.add(Integer.toString(width));
        for (OutboundSms sms : replies) {
            sms.toFields().forEach((k, v) -> {
                args.add(k);
                args.add(v);
            });
        }
        redis.eval(ANSWER, List.of(answeredKey(inboundId), OutboxStreams.key(Lane.REPLY), INBOUND), args);
    }

    private void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(Math.max(50, settings.block().toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.set(false);
        }
    }

    @Override
    public void close() {
        running.set(false);
        Thread t = reader;
        if (t != null) {
            try {
                t.join(settings.block().toMillis() + 5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (ExecutorService worker : workers) {
            worker.shutdown();
        }
        for (ExecutorService worker : workers) {
            try {
                worker.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String load(String resource) {
        try (InputStream in = DialogSmsConsumer.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Lua script " + resource + " missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
