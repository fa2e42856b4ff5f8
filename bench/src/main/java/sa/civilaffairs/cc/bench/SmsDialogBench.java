package sa.civilaffairs.cc.bench;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import redis.clients.jedis.UnifiedJedis;
import sa.civilaffairs.cc.calendar.RiyadhTime;
import sa.civilaffairs.cc.config.ConfigDirectory;
import sa.civilaffairs.cc.dialog.DialogEngine;
import sa.civilaffairs.cc.dialog.redis.RedisDialogs;
import sa.civilaffairs.cc.dialog.sms.DialogSmsConsumer;
import sa.civilaffairs.cc.dialog.sms.DialogSmsSettings;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.identity.NationalId;
import sa.civilaffairs.cc.notify.YamlMessageTemplates;
import sa.civilaffairs.cc.office.CatalogueLoader;
import sa.civilaffairs.cc.office.OfficeCatalogue;
import sa.civilaffairs.cc.redis.LocalRedisServer;
import sa.civilaffairs.cc.registry.Person;
import sa.civilaffairs.cc.registry.http.HttpCivilRegistry;
import sa.civilaffairs.cc.smpp.SmsGateway;
import sa.civilaffairs.cc.smpp.config.GatewayConfig;
import sa.civilaffairs.cc.smsc.MoPdu;
import sa.civilaffairs.cc.smsc.SmscSimulator;
import sa.civilaffairs.cc.smsc.Submitted;
import sa.civilaffairs.cc.testkit.RegistryDouble;

/**
 * Full SMS dialog turns, MO in → reply submitted, over real SMPP: the SMSC simulator sends {@code deliver_sm} for
 * many citizens at a fixed offered rate, the gateway stores them in {@code {sms}:inbound}, the dialog consumer runs
 * the engine (Redis, the WireMock registry, the appointment book) and the gateway submits the replies back to the
 * simulator. A turn's latency is from the start of the {@code deliver_sm} to the simulator's receipt of the reply's
 * {@code submit_sm}. Each citizen repeats: {@code موعد <ID>} (registry lookup), service, region, office, day, time
 * (a hold), {@code 0} (abandon: the hold is released), so every message gets exactly one reply.
 * Not a test: {@code scripts/bench SmsDialogBench [citizens=600] [seconds=20] [rates=300,1500]}.
 */
public final class SmsDialogBench {

    private static final String[] SCRIPT = {null, "2", "1", "1", "1", "1", "0"};

    private SmsDialogBench() {
    }

    public static void main(String[] args) throws Exception {
        int citizens = args.length > 0 ? Integer.parseInt(args[0]) : 600;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int[] rates = args.length > 2 ? Arrays.stream(args[2].split(",")).mapToInt(Integer::parseInt).toArray()
                : new int[] {300, 1500};
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        System.out.printf(Locale.ROOT, "SmsDialogBench: %d citizens, %d s per rate, offered rates %s turns/s, %d cores%n",
                citizens, seconds, Arrays.toString(rates), Runtime.getRuntime().availableProcessors());

        OfficeCatalogue catalogue = CatalogueLoader.load(ConfigDirectory.locate());
        YamlMessageTemplates templates = YamlMessageTemplates.load(ConfigDirectory.locate());
        List<String[]> people = new ArrayList<>();
        try (LocalRedisServer redisServer = LocalRedisServer.start(0, null, false);
             UnifiedJedis redis = redisServer.settings().connect();
             RegistryDouble registry = RegistryDouble.start();
             SmscSimulator sim = SmscSimulator.builder().start()) {
            for (int i = 0; i < citizens; i++) {
                NationalId id = nationalId(i);
                Mobile mobile = new Mobile(String.format(Locale.ROOT, "96655%07d", i));
                registry.stubPerson(new Person(id, "مواطن " + i, "Citizen " + i, LocalDate.of(1980, 1, 1),
                        Person.Gender.M, Optional.of(mobile), Person.LifeStatus.ALIVE, Person.Kind.CITIZEN, false));
                people.add(new String[] {mobile.e164(), id.value()});
            }
            RedisDialogs dialogs = RedisDialogs.create(redis, new HttpCivilRegistry(registry.settings()), catalogue,
                    templates, RiyadhTime.systemClock(), DialogEngine.Settings.DEFAULTS, 100_000, 100);
            try (SmsGateway gateway = SmsGateway.start(config(sim), redisServer.settings(), templates);
                 DialogSmsConsumer consumer = new DialogSmsConsumer(redis, dialogs.engine(),
                         new DialogSmsSettings(DialogSmsSettings.GROUP, "bench", "77799", 200, Duration.ofMillis(5),
                                 Duration.ofSeconds(30), 5, 8), RiyadhTime.systemClock())) {
                if (!sim.awaitReceiverBound(Duration.ofSeconds(10))) {
                    throw new IllegalStateException("gateway did not bind");
                }
                consumer.start();
                int[] step = new int[citizens];
                int[] turn = new int[citizens];
                // warm-up: the JIT, WireMock, the pools
                run(sim, people, step, turn, 200, 10);
                stages(redis);
                for (int rate : rates) {
                    Result r = run(sim, people, step, turn, rate, seconds);
                    stages(redis);
                    System.out.printf(Locale.ROOT, "offered %5d turns/s: %6d turns, %6d replies in %.1f s = %7.1f turns/s;"
                                    + " latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", rate, r.sent, r.replies,
                            r.elapsedSeconds, r.replies / r.elapsedSeconds, r.p50, r.p99, r.max);
                }
            }
        }
    }

    /** Where the time goes: inbound stored → reply in the outbox (engine + consumer), from the stream ids. */
    private static void stages(UnifiedJedis redis) {
        Map<String, Long> inboundAt = new HashMap<>();
        redis.xrange(DialogSmsConsumer.INBOUND, (redis.clients.jedis.StreamEntryID) null,
                (redis.clients.jedis.StreamEntryID) null).forEach(e -> inboundAt.put(e.getFields().get("id"),
                e.getID().getTime()));
        List<Long> engine = new ArrayList<>();
        redis.xrange(sa.civilaffairs.cc.outbox.redis.OutboxStreams.key(sa.civilaffairs.cc.outbox.Lane.REPLY),
                (redis.clients.jedis.StreamEntryID) null, (redis.clients.jedis.StreamEntryID) null).forEach(e -> {
                    Long in = inboundAt.get(e.getFields().get("inReplyTo"));
                    if (in != null) {
                        engine.add(e.getID().getTime() - in);
                    }
                });
        engine.sort(Long::compare);
        if (!engine.isEmpty()) {
            System.out.printf(Locale.ROOT, "  stored → reply in outbox: p50 %d ms, p99 %d ms (%d replies)%n",
                    engine.get(engine.size() / 2), engine.get((int) (engine.size() * 0.99)), engine.size());
        }
        // trimmed, not deleted: the consumer groups stay
        redis.xtrim(DialogSmsConsumer.INBOUND, 0, false);
        redis.xtrim(sa.civilaffairs.cc.outbox.redis.OutboxStreams.key(sa.civilaffairs.cc.outbox.Lane.REPLY), 0, false);
    }

    private record Result(long sent, long replies, double elapsedSeconds, double p50, double p99, double max) {
    }

    private static Result run(SmscSimulator sim, List<String[]> people, int[] step, int[] turn, int rate,
                              int seconds) throws InterruptedException {
        sim.resetCounters();
        long total = (long) rate * seconds;
        Map<String, ConcurrentLinkedQueue<Long>> sentAt = new ConcurrentHashMap<>();
        people.forEach(p -> sentAt.put(p[0], new ConcurrentLinkedQueue<>()));
        ExecutorService senders = Executors.newFixedThreadPool(32);
        AtomicLong failed = new AtomicLong();
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long due = start + i * 1_000_000_000L / rate;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int c = (int) (i % people.size());
            String[] person = people.get(c);
            String text = text(step[c], person[1], turn[c]);
            step[c] = (step[c] + 1) % SCRIPT.length;
            turn[c]++;
            senders.execute(() -> {
                long t = System.nanoTime();
                if (sim.deliver(MoPdu.text(person[0], "77799", text)) == 0) {
                    sentAt.get(person[0]).add(t);
                } else {
                    failed.incrementAndGet();
                }
            });
        }
        senders.shutdown();
        senders.awaitTermination(60, TimeUnit.SECONDS);
        long sent = sentAt.values().stream().mapToLong(ConcurrentLinkedQueue::size).sum();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (firstParts(sim) < sent && System.nanoTime() < deadline) {
            LockSupport.parkNanos(20_000_000);
        }
        Map<String, List<Long>> repliedAt = new HashMap<>();
        long last = start;
        for (Submitted s : sim.submitted()) {
            if (s.seq() <= 1) {
                repliedAt.computeIfAbsent(s.to().replace("+", ""), k -> new ArrayList<>()).add(s.atNanos());
                last = Math.max(last, s.atNanos());
            }
        }
        List<Long> latencies = new ArrayList<>();
        sentAt.forEach((number, sends) -> {
            List<Long> replies = repliedAt.getOrDefault(number, List.of());
            List<Long> sendList = new ArrayList<>(sends);
            sendList.sort(Long::compare);
            for (int k = 0; k < Math.min(sendList.size(), replies.size()); k++) {
                latencies.add(replies.get(k) - sendList.get(k));
            }
        });
        latencies.sort(Long::compare);
        if (failed.get() > 0) {
            System.out.printf(Locale.ROOT, "  (%d deliver_sm refused)%n", failed.get());
        }
        long replies = latencies.size();
        return new Result(sent, replies, (last - start) / 1e9, ms(latencies, 0.50), ms(latencies, 0.99),
                latencies.isEmpty() ? 0 : latencies.get(latencies.size() - 1) / 1e6);
    }

    private static long firstParts(SmscSimulator sim) {
        return sim.submitted().stream().filter(s -> s.seq() <= 1).count();
    }

    private static double ms(List<Long> sorted, double q) {
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, q * sorted.size())) / 1e6;
    }

    /**
     * The citizen's next message. The gateway takes a deliver_sm identical to the last one within its echo window
     * (200 ms here) for an SMSC retransmission, and simulated citizens answer faster than people, so repeated answers
     * differ in trailing spaces (the engine ignores them).
     */
    private static String text(int step, String id, int turn) {
        String base = step == 0 ? "موعد " + id : SCRIPT[step];
        return base + " ".repeat(turn % 40);
    }

    private static NationalId nationalId(int n) {
        String body = "18" + String.format(Locale.ROOT, "%07d", n);
        return new NationalId(body + NationalId.luhnCheckDigit(body));
    }

    private static GatewayConfig config(SmscSimulator sim) {
        return GatewayConfig.parse("""
                binds:
                  - name: sim
                    mode: transceiver
                    host: 127.0.0.1
                    port: %d
                    systemId: %s
                    password: %s
                    addressRange: "77799"
                    tps: 5000
                    window: 64
                link:
                  enquireLink: 5s
                  responseTimeout: 2s
                  bindTimeout: 2s
                  rebindMin: 50ms
                  rebindMax: 500ms
                  drainTimeout: 5s
                inbound:
                  dedupeWindow: 1s
                  echoWindow: 200ms
                outbound:
                  consumer: bench-gateway
                  claimIdle: 5s
                  throttleMax: 200ms
                http:
                  port: 0
                  clients:
                    - name: bench
                      key: bench-key-0123456789
                """.formatted(sim.port(), sim.systemId(), sim.password()), Map.of());
    }
}
