package sa.civilaffairs.cc.smpp.outbound;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.SubmitSmResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;
import sa.civilaffairs.cc.smpp.GatewayMetrics;
import sa.civilaffairs.cc.smpp.config.GatewayConfig;
import sa.civilaffairs.cc.smpp.link.SmppSessionSlot;
import sa.civilaffairs.cc.smpp.link.TokenBucket;
import sa.civilaffairs.cc.smpp.redis.RedisMessages;

/**
 * Sends the outbox over the binds. Each transmitting session gets {@code window} sender threads, so at most
 * {@code window} submit_sm wait for their response on a bind; each segment takes a token from the bind's TPS bucket.
 * THROTTLED and MSGQFUL pause the bind with a growing back-off and the same segment is tried again; any other refusal
 * fails the message with the status recorded; a missing submit_sm_resp makes it UNKNOWN (never resent: the SMSC may
 * have it). Every outcome is stored, and the outbox entry acknowledged, in one script.
 */
public final class SmppSender implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SmppSender.class);

    private final GatewayConfig config;
    private final RedisMessages messages;
    private final GatewayMetrics metrics;
    private final StatusCallbacks callbacks;
    private final PriorityBlockingQueue<Job> queue = new PriorityBlockingQueue<>();
    private final java.util.Map<String, sa.civilaffairs.cc.outbox.Lane> held = new ConcurrentHashMap<>();
    private final AtomicInteger busy = new AtomicInteger();
    private final OutboxReader reader;
    private final Thread readerThread;
    private final List<Thread> senders = new ArrayList<>();
    private final List<Bind> binds = new ArrayList<>();
    private final GroupCommit<String, Boolean> begins;
    private final GroupCommit<RedisMessages.Submission, RedisMessages.Change> submissions;
    private volatile boolean accepting = true;
    private volatile boolean stopped;

    /** A transmitting session with its pacing. */
    private static final class Bind {
        final SmppSessionSlot slot;
        final TokenBucket bucket;
        final AtomicInteger window;
        final String name;
        volatile long pausedUntil;

        Bind(String name, SmppSessionSlot slot, TokenBucket bucket, AtomicInteger window) {
            this.name = name;
            this.slot = slot;
            this.bucket = bucket;
            this.window = window;
        }
    }

    /** {@code slots} pairs each transmitting session with its bind's settings. */
    public SmppSender(GatewayConfig config, UnifiedJedis redis, RedisMessages messages,
                      List<java.util.Map.Entry<GatewayConfig.BindConfig, SmppSessionSlot>> slots,
                      GatewayMetrics metrics, StatusCallbacks callbacks) {
        this.config = config;
        this.messages = messages;
        this.metrics = metrics;
        this.callbacks = callbacks;
        String consumer = config.outbound().consumer();
        this.begins = new GroupCommit<>("sms-begin", 256, ids -> messages.begin(consumer, ids));
        this.submissions = new GroupCommit<>("sms-submitted", 256, messages::submitted);
        int windows = 0;
        for (var e : slots) {
            binds.add(new Bind(e.getKey().name(), e.getValue(), new TokenBucket(e.getKey().tps()), metrics.window(e.getKey().name())));
            windows += e.getKey().window();
        }
        this.reader = new OutboxReader(redis, messages, queue, held, Math.max(64, windows * 2),
                config.outbound().consumer(), config.outbound().claimIdle(), metrics);
        this.readerThread = new Thread(reader, "sms-outbox-reader");
        for (int b = 0; b < slots.size(); b++) {
            Bind bind = binds.get(b);
            for (int i = 0; i < slots.get(b).getKey().window(); i++) {
                Thread t = new Thread(() -> sendLoop(bind), "sms-send-" + bind.slot.name() + "-" + i);
                t.setDaemon(true);
                senders.add(t);
            }
        }
    }

    public void start() {
        readerThread.setDaemon(true);
        readerThread.start();
        senders.forEach(Thread::start);
    }

    /** Jobs read from the outbox and not finished (queued or being sent). */
    public int pending() {
        return queue.size() + busy.get();
    }

    private void sendLoop(Bind bind) {
        while (!stopped) {
            try {
                if (bind.slot.awaitBound(200) == null) {
                    continue;
                }
                if (!accepting && queue.isEmpty()) {
                    return;
                }
                Job job = queue.poll(200, TimeUnit.MILLISECONDS);
                if (job == null) {
                    continue;
                }
                busy.incrementAndGet();
                try {
                    send(bind, job);
                } finally {
                    held.remove(job.entryId());
                    busy.decrementAndGet();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("sender {}: {}", bind.slot.name(), e.toString(), e);
            }
        }
    }

    private void send(Bind bind, Job job) throws InterruptedException {
        boolean[] ours = new boolean[1];
        if (!retryRedis(() -> ours[0] = begins.call(job.sms().id()))) {
            return; // stopping before the first submit: stays TAKEN and is sent after the restart
        }
        if (!ours[0]) {
            log.info("outbox entry {} was claimed by another gateway; it sends it", job.entryId());
            return;
        }
        List<SegmentResult> results = new ArrayList<>(job.segments().count());
        String refusal = null;
        for (int i = 0; i < job.segments().count(); i++) {
            if (refusal != null) {
                results.add(new SegmentResult.Refused("not sent: " + refusal));
                continue;
            }
            SegmentResult r = submit(bind, job, job.segments().payloads().get(i));
            if (r == null) {
                if (i == 0) {
                    // stopping while the link is down and nothing went out: the next start sends it
                    retryRedis(() -> messages.release(job.sms().id()));
                    return;
                }
                r = new SegmentResult.Refused("gateway stopped before this part was sent");
            }
            if (r instanceof SegmentResult.Refused f) {
                refusal = "part " + (i + 1) + " " + f.reason();
            }
            results.add(r);
        }
        RedisMessages.Change[] change = new RedisMessages.Change[1];
        RedisMessages.Submission submission = new RedisMessages.Submission(bind.name, job.sms().id(),
                job.sms().to().e164(),
                job.sms().lane(), job.entryId(), results);
        retryRedis(() -> change[0] = submissions.call(submission));
        metrics.mtMessages.increment();
        if (change[0] != null) {
            callbacks.changed(change[0].id(), change[0].state(), change[0].callback());
        }
    }

    /** The segment's outcome, or null when the gateway stopped before it could be sent. */
    private SegmentResult submit(Bind bind, Job job, byte[] payload) throws InterruptedException {
        int throttled = 0;
        while (true) {
            SMPPSession session = bind.slot.awaitBound(1000);
            if (session == null) {
                if (stopped) {
                    return null;
                }
                continue;
            }
            long pause = bind.pausedUntil - System.nanoTime();
            if (pause > 0) {
                LockSupport.parkNanos(pause);
            }
            if (!bind.bucket.acquire()) {
                throw new InterruptedException();
            }
            bind.window.incrementAndGet();
            try {
                SubmitSmResult r = session.submitShortMessage("", source(), sourceNpi(),
                        config.source().address(), TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN,
                        job.sms().to().e164(), new ESMClass(job.segments().udh() ? 0x40 : 0), (byte) 0,
                        (byte) (job.sms().lane().ordinal() == 0 ? 1 : 0), null, null,
                        new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE), (byte) 0,
                        DataCodings.newInstance(job.segments().alphabet().dataCoding()), (byte) 0, payload);
                metrics.mtSegments.increment();
                return new SegmentResult.Accepted(r.getMessageId());
            } catch (NegativeResponseException e) {
                int status = e.getCommandStatus();
                if (status == SMPPConstant.STAT_ESME_RTHROTTLED || status == SMPPConstant.STAT_ESME_RMSGQFUL) {
                    metrics.mtThrottled.increment();
                    throttled++;
                    if (throttled >= config.outbound().throttleTries()) {
                        metrics.mtRefused.increment();
                        return new SegmentResult.Refused(statusName(status) + " " + throttled + " times");
                    }
                    long backoff = Math.min(config.outbound().throttleMax().toNanos(),
                            TimeUnit.MILLISECONDS.toNanos(50) << Math.min(20, throttled - 1));
                    backoff = backoff / 2 + ThreadLocalRandom.current().nextLong(backoff / 2 + 1);
                    bind.pausedUntil = Math.max(bind.pausedUntil, System.nanoTime() + backoff);
                    continue;
                }
                metrics.mtRefused.increment();
                return new SegmentResult.Refused(statusName(status));
            } catch (ResponseTimeoutException | InvalidResponseException e) {
                metrics.mtNoResponse.increment();
                log.warn("submit_sm of {} to {} without a usable response: UNKNOWN, not resent", job.sms().id(),
                        job.sms().to());
                return new SegmentResult.NoResponse();
            } catch (PDUException e) {
                metrics.mtRefused.increment();
                return new SegmentResult.Refused("invalid PDU: " + e.getMessage());
            } catch (IOException e) {
                // not written (session closing or not bound): the same segment goes out after the rebind
                bind.slot.lost(session, "submit_sm: " + e.getMessage());
                if (stopped) {
                    return null;
                }
            } finally {
                bind.window.decrementAndGet();
            }
        }
    }

    private TypeOfNumber source() {
        return TypeOfNumber.valueOf((byte) config.source().ton());
    }

    private NumberingPlanIndicator sourceNpi() {
        return NumberingPlanIndicator.valueOf((byte) config.source().npi());
    }

    private interface RedisStep {
        void run() throws InterruptedException;
    }

    /** Runs {@code step} until Redis takes it; false when the gateway stops first. */
    private boolean retryRedis(RedisStep step) throws InterruptedException {
        long wait = 50;
        while (true) {
            try {
                step.run();
                return true;
            } catch (JedisException e) {
                if (stopped) {
                    log.error("Redis unreachable while stopping; outcome not stored: {}", e.toString());
                    return false;
                }
                log.warn("Redis unreachable, retrying in {} ms: {}", wait, e.toString());
                Thread.sleep(wait); // back-off between retries of a production call, not a test wait
                wait = Math.min(2000, wait * 2);
            }
        }
    }

    static String statusName(int status) {
        String name = switch (status) {
            case SMPPConstant.STAT_ESME_RTHROTTLED -> "ESME_RTHROTTLED";
            case SMPPConstant.STAT_ESME_RMSGQFUL -> "ESME_RMSGQFUL";
            case SMPPConstant.STAT_ESME_RINVDSTADR -> "ESME_RINVDSTADR";
            case SMPPConstant.STAT_ESME_RINVSRCADR -> "ESME_RINVSRCADR";
            case SMPPConstant.STAT_ESME_RSUBMITFAIL -> "ESME_RSUBMITFAIL";
            case SMPPConstant.STAT_ESME_RSYSERR -> "ESME_RSYSERR";
            case SMPPConstant.STAT_ESME_RINVMSGLEN -> "ESME_RINVMSGLEN";
            case SMPPConstant.STAT_ESME_RINVDCS -> "ESME_RINVDCS";
            case SMPPConstant.STAT_ESME_RX_P_APPN -> "ESME_RX_P_APPN";
            default -> "status";
        };
        return String.format(Locale.ROOT, "%s (0x%08x)", name, status);
    }

    /**
     * Stops reading the outbox, lets the senders finish what they hold for up to {@code drainTimeout}, then stops
     * them. Entries read but not started stay TAKEN and pending in the group: the next start sends them.
     */
    @Override
    public void close() {
        accepting = false;
        reader.stop();
        long deadline = System.nanoTime() + config.link().drainTimeout().toNanos();
        while (pending() > 0 && System.nanoTime() < deadline
                && (busy.get() > 0 || binds.stream().anyMatch(b -> b.slot.bound() != null))) {
            LockSupport.parkNanos(5_000_000);
        }
        stopped = true;
        queue.clear();
        try {
            // senders waiting for a bind notice "stopped" within a second and put their message back
            long until = System.nanoTime() + 3_000_000_000L;
            for (Thread t : senders) {
                t.join(Math.max(1, (until - System.nanoTime()) / 1_000_000));
            }
            readerThread.interrupt();
            for (Thread t : senders) {
                t.interrupt();
            }
            readerThread.join(2000);
            for (Thread t : senders) {
                t.join(2000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        begins.close();
        submissions.close();
    }
}
