package sa.civilaffairs.cc.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import redis.clients.jedis.UnifiedJedis;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.outbox.Lane;
import sa.civilaffairs.cc.outbox.OutboundSms;
import redis.clients.jedis.params.XAddParams;
import sa.civilaffairs.cc.outbox.redis.OutboxStreams;
import sa.civilaffairs.cc.outbox.redis.RedisOutbox;
import sa.civilaffairs.cc.redis.LocalRedisServer;
import sa.civilaffairs.cc.smpp.SmsGateway;
import sa.civilaffairs.cc.smpp.config.GatewayConfig;
import sa.civilaffairs.cc.smpp.redis.SmsKeys;
import sa.civilaffairs.cc.smsc.MoPdu;
import sa.civilaffairs.cc.smsc.SmscSimulator;
import sa.civilaffairs.cc.text.Language;

/**
 * SMPP gateway throughput and latency over TCP on loopback against the simulator that answers at once, with a real
 * Redis: MT through the full path (outbox stream → take → submit_sm → submit_sm_resp → status stored, outbox entry
 * acknowledged) and MO (deliver_sm → stored on {sms}:inbound → deliver_sm_resp). Not a test:
 * {@code scripts/bench SmppBench [mtMessages] [moMessages] [window]}.
 */
public final class SmppBench {
    private SmppBench() {
    }

    public static void main(String[] args) throws Exception {
        int mt = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int mo = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        int window = args.length > 2 ? Integer.parseInt(args[2]) : 64;
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.jsmpp"))
                .setLevel(ch.qos.logback.classic.Level.ERROR);
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("sa.civilaffairs.cc"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        System.out.printf(Locale.ROOT, "SmppBench: %d MT, %d MO, window %d, %d cores%n", mt, mo, window,
                Runtime.getRuntime().availableProcessors());
        try (LocalRedisServer redis = LocalRedisServer.startEphemeral();
                UnifiedJedis client = redis.settings().connect();
                SmscSimulator sim = SmscSimulator.builder().receipts(false).processors(8).start()) {
            GatewayConfig config = config(sim, window);
            try (SmsGateway gateway = SmsGateway.start(config, redis.settings())) {
                await(gateway::allBound, Duration.ofSeconds(10));
                RedisOutbox outbox = new RedisOutbox(client);

                // warm-up
                runMt(outbox, client, gateway, 5_000, "Warm-up message", 0);
                runMo(sim, client, 5_000, 4, 0);
                client.del(SmsKeys.INBOUND);

                System.out.println();
                Result single = runMt(outbox, client, gateway, mt, "Your appointment is confirmed for Sunday 10:00, ref 123456789", 0);
                print("MT 1-segment GSM-7, unpaced", single);
                String arabic = "تم حجز موعدكم في مكتب الأحوال المدنية بالرياض يوم الأحد الساعة العاشرة صباحاً. "
                        + "يرجى إحضار الهوية الوطنية والحضور قبل الموعد بعشر دقائق. رقم المرجع 123456789";
                Result multi = runMt(outbox, client, gateway, mt / 3, arabic, 0);
                print("MT 3-segment UCS-2 Arabic, unpaced", multi);
                Result paced = runMt(outbox, client, gateway, 10_000, "Paced message", 2_000);
                print("MT 1-segment at 2,000 msg/s (latency enqueue -> status stored)", paced);

                Result moFast = runMo(sim, client, mo, 8, 0);
                print("MO deliver_sm, 8 SMSC threads, unpaced", moFast);
                Result moPaced = runMo(sim, client, 10_000, 4, 500);
                print("MO at 500 deliver_sm/s (latency deliver_sm -> deliver_sm_resp)", moPaced);
            }
        }
    }

    record Result(int messages, long segments, double seconds, long[] latencyMicros) {
    }

    private static GatewayConfig config(SmscSimulator sim, int window) {
        String yaml = """
                binds:
                  - name: bench
                    mode: transceiver
                    host: 127.0.0.1
                    port: %d
                    systemId: %s
                    password: %s
                    tps: 100000
                    window: %d
                link:
                  responseTimeout: 10s
                outbound:
                  consumer: bench
                http:
                  port: 0
                """.formatted(sim.port(), sim.systemId(), sim.password(), window);
        return GatewayConfig.parse(yaml, Map.of());
    }

    private static Result runMt(RedisOutbox outbox, UnifiedJedis client, SmsGateway gateway, int n, String text,
                                int perSecond)
            throws InterruptedException {
        long before = gateway.metrics().mtMessages.sum();
        long segBefore = gateway.metrics().mtSegments.sum();
        long[] createdAt = new long[n];
        String[] ids = new String[n];
        Thread producer = new Thread(() -> {
            var pipeline = client.pipelined();
            long interval = perSecond > 0 ? 1_000_000_000L / perSecond : 0;
            long next = System.nanoTime();
            for (int i = 0; i < n; i++) {
                if (interval > 0) {
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    next += interval;
                }
                ids[i] = UUID.randomUUID().toString();
                createdAt[i] = System.currentTimeMillis();
                OutboundSms sms = new OutboundSms(ids[i], new Mobile(String.format("9665%08d", i % 100_000_000)),
                        Lane.NOTIFICATION, Language.AR, "", text, "", Instant.ofEpochMilli(createdAt[i]));
                if (interval > 0) {
                    outbox.enqueue(sms);
                } else {
                    // unpaced: the producer pipelines its XADDs so it takes less of the 2 cores
                    pipeline.xadd(OutboxStreams.key(Lane.NOTIFICATION), XAddParams.xAddParams(), sms.toFields());
                    if (i % 200 == 199 || i == n - 1) {
                        pipeline.sync();
                    }
                }
            }
        });
        long t0 = System.nanoTime();
        producer.start();
        await(() -> gateway.metrics().mtMessages.sum() - before >= n, Duration.ofMinutes(10));
        double seconds = (System.nanoTime() - t0) / 1e9;
        producer.join();
        long[] lat = new long[0];
        if (perSecond > 0) {
            // stored time of SUBMITTED in the message's history (ms precision)
            lat = new long[n];
            for (int i = 0; i < n; i++) {
                long stored = gateway.messages().status(ids[i]).orElseThrow().history().stream()
                        .filter(c -> c.state().equals("SUBMITTED")).findFirst().orElseThrow().at().toEpochMilli();
                lat[i] = (stored - createdAt[i]) * 1000;
            }
        }
        return new Result(n, gateway.metrics().mtSegments.sum() - segBefore, seconds, lat);
    }

    private static int moRun;

    private static Result runMo(SmscSimulator sim, UnifiedJedis redis, int n, int threads, int perSecond)
            throws InterruptedException {
        int run = ++moRun; // distinct texts per run: the same text from the same number would be a retransmission
        long start = redis.xlen(SmsKeys.INBOUND);
        long[] lat = new long[n];
        AtomicInteger next = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(threads);
        long interval = perSecond > 0 ? 1_000_000_000L / perSecond : 0;
        long t0 = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            new Thread(() -> {
                int i;
                while ((i = next.getAndIncrement()) < n) {
                    if (interval > 0) {
                        long wait = t0 + i * interval - System.nanoTime();
                        if (wait > 0) {
                            LockSupport.parkNanos(wait);
                        }
                    }
                    MoPdu pdu = MoPdu.text(String.format("9665%08d", i), "77799",
                            i % 2 == 0 ? "موعد " + run + "-" + i : "appointment " + run + "-" + i);
                    long s = System.nanoTime();
                    int status = sim.deliver(pdu);
                    lat[i] = (System.nanoTime() - s) / 1000;
                    if (status != 0) {
                        throw new IllegalStateException("deliver_sm status " + status);
                    }
                }
                done.countDown();
            }).start();
        }
        done.await();
        double seconds = (System.nanoTime() - t0) / 1e9;
        long stored = redis.xlen(SmsKeys.INBOUND) - start;
        if (stored != n) {
            throw new IllegalStateException("stored " + stored + " of " + n);
        }
        return new Result(n, n, seconds, lat);
    }

    private static void print(String what, Result r) {
        System.out.printf(Locale.ROOT, "%-66s %8d msgs in %6.2f s = %8.0f msgs/s, %8.0f segments/s", what,
                r.messages(), r.seconds(), r.messages() / r.seconds(), r.segments() / r.seconds());
        if (r.latencyMicros().length > 0) {
            long[] l = r.latencyMicros().clone();
            Arrays.sort(l);
            System.out.printf(Locale.ROOT, "; latency p50 %.2f ms, p99 %.2f ms, max %.2f ms", l[l.length / 2] / 1000.0,
                    l[(int) (l.length * 0.99)] / 1000.0, l[l.length - 1] / 1000.0);
        }
        System.out.println();
    }

    private static void await(java.util.function.BooleanSupplier c, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!c.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out");
            }
            LockSupport.parkNanos(1_000_000);
        }
    }

}
