package sa.civilaffairs.cc.bench;

import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.UnifiedJedis;
import sa.civilaffairs.cc.calendar.RiyadhTime;
import sa.civilaffairs.cc.config.ConfigDirectory;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.identity.NationalId;
import sa.civilaffairs.cc.ivr.Ivr;
import sa.civilaffairs.cc.ivr.IvrConfig;
import sa.civilaffairs.cc.ivr.agidouble.AgiCommandLine;
import sa.civilaffairs.cc.ivr.agidouble.AsteriskDouble;
import sa.civilaffairs.cc.ivr.agidouble.CallRecord;
import sa.civilaffairs.cc.ivr.agidouble.CallSetup;
import sa.civilaffairs.cc.ivr.agidouble.Caller;
import sa.civilaffairs.cc.ivr.agidouble.Move;
import sa.civilaffairs.cc.ivr.agidouble.ScriptedCaller;
import sa.civilaffairs.cc.ivr.hotline.HotlineServices;
import sa.civilaffairs.cc.office.CivilService;
import sa.civilaffairs.cc.office.Region;
import sa.civilaffairs.cc.office.Section;
import sa.civilaffairs.cc.redis.LocalRedisServer;
import sa.civilaffairs.cc.registry.Person;
import sa.civilaffairs.cc.registry.CivilRegistry;
import sa.civilaffairs.cc.registry.RegistryAnswer;

/**
 * N simultaneous phone bookings through one IVR process (issue 5): N Asterisk doubles connect over TCP, each call is
 * held at the main menu until all N are connected (so N calls are under way at once), then all book an ID renewal
 * (national ID, registry lookup, service, region, office, day, time, hold, confirm, SMS). Reports failed calls, the
 * IVR's own time per AGI command (from Asterisk's answer in to the next command out, measured by the double: it
 * includes Redis and the loopback; the upstream civil registry answers in-process), booking throughput, and memory per simultaneous call.
 * <p>
 * {@code scripts/bench IvrBench [calls=1000]}
 */
public final class IvrBench {

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.asteriskjava"))
                .setLevel(ch.qos.logback.classic.Level.ERROR);
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("sa.civilaffairs.cc"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        Path configDir = ConfigDirectory.locate();
        Clock clock = RiyadhTime.fixedAt(LocalDateTime.of(2026, 12, 6, 9, 0));
        try (LocalRedisServer redisServer = LocalRedisServer.startEphemeral();
             UnifiedJedis redis = new sa.civilaffairs.cc.redis.RedisSettings("127.0.0.1", redisServer.port(), null,
                     256, Duration.ofSeconds(5)).connect()) {
            List<NationalId> people = new ArrayList<>();
            Map<NationalId, Person> persons = new java.util.concurrent.ConcurrentHashMap<>();
            for (int i = 0; i < calls; i++) {
                String nine = String.format("10%07d", 100_000 + i);
                NationalId id = new NationalId(nine + NationalId.luhnCheckDigit(nine));
                people.add(id);
                persons.put(id, new Person(id, "", "", LocalDate.of(1980, 1, 1), Person.Gender.M,
                        Optional.of(Mobile.parse(String.format("05%08d", i))), Person.LifeStatus.ALIVE,
                        Person.Kind.CITIZEN, false));
            }
            // The civil registry is upstream, outside the product: answered in-process so that the figures are the
            // IVR's (WireMock itself needs seconds per lookup with hundreds of concurrent requests on 2 cores).
            CivilRegistry upstream = id -> persons.containsKey(id) ? new RegistryAnswer.Found(persons.get(id))
                    : new RegistryAnswer.NotFound();
            IvrConfig config = IvrConfig.load(configDir.resolve(IvrConfig.FILE),
                    Map.of("IVR_AGI_PORT", "0", "IVR_MAX_CALLS", String.valueOf(Math.max(1200, calls + 100))));
            HotlineServices services = Ivr.services(configDir, redis,
                    upstream, clock);
            try (Ivr ivr = Ivr.start(config, services, p -> { })) {
                run(calls, people, ivr, services);
            }
        }
    }

    /** How long one prompt piece plays, and a caller's mean time before pressing keys (both shortened). */
    private static final long PLAYBACK_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    private static final long THINK_NANOS = TimeUnit.MILLISECONDS.toNanos(1000);

    /** Holds each call at its first read until every call is connected; plays and thinks in (shortened) real time. */
    private static final class HeldCaller implements Caller {
        private final Caller script;
        private final CountDownLatch connected;
        private final CountDownLatch go;
        private boolean waited;

        HeldCaller(Caller script, CountDownLatch connected, CountDownLatch go) {
            this.script = script;
            this.connected = connected;
            this.go = go;
        }

        @Override
        public Move next(Kind kind, AgiCommandLine command) {
            // time passes on a real line: a prompt piece plays, a caller thinks before pressing
            if (kind == Kind.PLAYBACK) {
                java.util.concurrent.locks.LockSupport.parkNanos(PLAYBACK_NANOS);
            } else if (kind == Kind.READ && waited) {
                java.util.concurrent.locks.LockSupport.parkNanos(THINK_NANOS / 2
                        + java.util.concurrent.ThreadLocalRandom.current().nextLong(THINK_NANOS));
            }
            if (kind == Kind.READ && !waited) {
                waited = true;
                connected.countDown();
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return script.next(kind, command);
        }
    }

    private static void run(int calls, List<NationalId> people, Ivr ivr, HotlineServices services) throws Exception {
        var catalogue = services.catalogue();
        List<CivilService> offered = Arrays.stream(CivilService.values())
                .filter(s -> !catalogue.regionsOffering(s, Section.MEN).isEmpty()).toList();
        String service = String.valueOf(offered.indexOf(CivilService.ID_RENEWAL) + 1);
        String region = String.valueOf(catalogue.regionsOffering(CivilService.ID_RENEWAL, Section.MEN)
                .indexOf(Region.RIYADH) + 1);
        int offices = Math.min(8, catalogue.offering(CivilService.ID_RENEWAL, Region.RIYADH, Section.MEN).size());

        AsteriskDouble asterisk = new AsteriskDouble(new InetSocketAddress("127.0.0.1", ivr.server().port()),
                f -> true, 120_000);
        long heap0 = usedHeapAfterGc();
        long rss0 = rssBytes();
        int threads0 = Thread.activeCount();

        CountDownLatch connected = new CountDownLatch(calls);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService phones = Executors.newFixedThreadPool(calls, r -> {
            Thread t = new Thread(null, r, "phone", 256 * 1024);
            t.setDaemon(true);
            return t;
        });
        List<Future<CallRecord>> results = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            // spread the callers over offices, days and times so that they do not all fight for one slot
            String office = String.valueOf(i % offices + 1);
            String day = String.valueOf(i / offices % 5 + 1);
            String time = String.valueOf(i / (offices * 5) % 8 + 1);
            ScriptedCaller script = ScriptedCaller.script().press("1").press("1")
                    .press(people.get(i).value() + "#").press(service).press(region).press(office).press(day)
                    .press(time).press("1");
            for (int extra = 0; extra < 40; extra++) {
                script.press("1"); // a caller who lost a slot takes the first one offered next
            }
            CallSetup setup = CallSetup.hotline(String.format("05%08d", i), i + 1);
            HeldCaller caller = new HeldCaller(script, connected, go);
            results.add(phones.submit(() -> asterisk.call(setup, caller)));
        }
        if (!connected.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("only " + (calls - connected.getCount()) + " calls connected");
        }
        double connectSeconds = (System.nanoTime() - t0) / 1e9;
        int active = ivr.server().activeCalls();
        long heap1 = usedHeapAfterGc();
        long rss1 = rssBytes();
        int threads1 = Thread.activeCount();

        long t1 = System.nanoTime();
        ivr.server().commandTimes().reset();
        go.countDown();
        List<long[]> nanos = new ArrayList<>();
        java.util.Map<String, long[]> slowest = new java.util.TreeMap<>();
        int failed = 0;
        int booked = 0;
        long slotTaken = 0;
        for (Future<CallRecord> f : results) {
            CallRecord r = f.get(300, TimeUnit.SECONDS);
            nanos.add(r.ivrNanos());
            slotTaken += r.played().stream().filter(file -> file.endsWith("/slot-taken")).count();
            for (int c = 1; c < r.exchanges().size(); c++) {
                String after = r.exchanges().get(c - 1).command().split(" \"")[0];
                long[] stat = slowest.computeIfAbsent(after, k -> new long[2]);
                stat[0] = Math.max(stat[0], r.ivrNanos()[c]);
                stat[1] += r.ivrNanos()[c] > 5_000_000 ? 1 : 0;
            }
            boolean ok = r.end() == CallRecord.End.IVR_CLOSED && "hangup".equals(r.variables().get("CC_NEXT"));
            if (ok) {
                booked++;
            } else {
                failed++;
                if (failed <= 5) {
                    System.out.println("failed call " + r.uniqueId() + ": " + r.end() + ", CC_NEXT="
                            + r.variables().get("CC_NEXT") + ", last prompts " + r.played().subList(
                            Math.max(0, r.played().size() - 4), r.played().size()));
                }
            }
        }
        double bookSeconds = (System.nanoTime() - t1) / 1e9;
        phones.shutdownNow();

        long[] all = nanos.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        long appointments = people.stream().mapToLong(p -> services.book().of(p).size()).sum();
        System.out.printf(Locale.ROOT, "calls: %d, all connected in %.1f s; simultaneous calls in the IVR: %d "
                + "(refused: %d)%n", calls, connectSeconds, active, ivr.server().refusedFull());
        System.out.printf(Locale.ROOT, "completed bookings: %d, failed calls: %d, appointments in Redis: %d%n",
                booked, failed, appointments);
        System.out.printf(Locale.ROOT, "times a caller heard \"this time is no longer free\" and chose again: %d%n",
                slotTaken);
        var server = ivr.server().commandTimes();
        System.out.printf(Locale.ROOT, "IVR time per AGI command, measured in the IVR (answer read to next command "
                + "written): p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, p99.9 %.2f ms (%d commands)%n",
                server.quantileMillis(0.5), server.quantileMillis(0.9), server.quantileMillis(0.99),
                server.quantileMillis(0.999), server.count());
        System.out.printf(Locale.ROOT, "booking calls released at once: %.1f s, %.0f calls/s, %d AGI commands%n",
                bookSeconds, calls / bookSeconds, all.length);
        System.out.printf(Locale.ROOT, "IVR time per AGI command, seen by the double (its answer out to the next command in): p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, "
                + "p99.9 %.2f ms, max %.1f ms%n", ms(all, 0.50), ms(all, 0.90), ms(all, 0.99), ms(all, 0.999),
                all[all.length - 1] / 1e6);
        System.out.printf(Locale.ROOT, "per simultaneous call (IVR and its in-process Asterisk double together): "
                + "heap %.1f KB, RSS %.1f KB, threads %.1f%n", (heap1 - heap0) / 1024.0 / calls,
                (rss1 - rss0) / 1024.0 / calls, (threads1 - threads0) / (double) calls);
        slowest.forEach((k, v) -> System.out.printf(Locale.ROOT, "  after %-22s max %.1f ms, %d over 5 ms%n", k,
                v[0] / 1e6, v[1]));
        System.out.printf(Locale.ROOT, "JVM: %s, %d cores, max heap %d MB%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
    }

    private static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long rssBytes() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        return 0;
    }
}
