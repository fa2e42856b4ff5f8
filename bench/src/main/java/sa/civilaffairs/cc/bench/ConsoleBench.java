package sa.civilaffairs.cc.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import redis.clients.jedis.UnifiedJedis;
import sa.civilaffairs.cc.console.CaseFeatures;
import sa.civilaffairs.cc.console.ConsoleServer;
import sa.civilaffairs.cc.console.config.ConsoleConfig;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.identity.NationalId;
import sa.civilaffairs.cc.office.CatalogueLoader;
import sa.civilaffairs.cc.office.CivilService;
import sa.civilaffairs.cc.office.Office;
import sa.civilaffairs.cc.office.Section;
import sa.civilaffairs.cc.office.SlotCalendar;
import sa.civilaffairs.cc.redis.LocalRedisServer;
import sa.civilaffairs.cc.registry.Person;
import sa.civilaffairs.cc.registry.http.HttpCivilRegistry;
import sa.civilaffairs.cc.testkit.RegistryDouble;

/**
 * 200 agents (signed-in sessions, one thread each, JDK HttpClient) issuing person lookups and appointment bookings
 * against the real console (2 event loops, worker pool), a local redis-server and the registry on WireMock (same
 * process); each agent alternates a lookup and a booking of a random slot in the next two weeks, pausing between
 * actions (exponential think time, mean {@code thinkMillis}; 0 = back to back, i.e. saturation). Prints throughput
 * and latency percentiles per operation after a warm-up.
 *
 * <pre>scripts/bench ConsoleBench [agents=200] [warmupSeconds=10] [seconds=30] [people=1000] [thinkMillis=1000]</pre>
 */
public final class ConsoleBench {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        int agents = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        int peopleCount = args.length > 3 ? Integer.parseInt(args[3]) : 1000;
        long thinkMillis = args.length > 4 ? Long.parseLong(args[4]) : 1000;
        Path config = Path.of("config");
        Clock clock = Clock.systemUTC();

        try (LocalRedisServer redisServer = LocalRedisServer.startEphemeral();
             UnifiedJedis redis = redisServer.settings().connect();
             RegistryDouble registry = RegistryDouble.start()) {
            List<Person> people = people(registry, peopleCount);
            SlotCalendar calendar = new SlotCalendar(CatalogueLoader.load(config));
            HttpCivilRegistry civil = new HttpCivilRegistry(registry.settings(Duration.ofSeconds(2), 2,
                    Duration.ofMillis(20)));
            ConsoleServer server = CaseFeatures.onRedis(redis, civil, config, clock).installInto(new ConsoleServer());
            Map<String, String> env = new HashMap<>();
            env.put("CONSOLE_HTTP_PORT", "0");
            env.put("CONSOLE_DEV_MODE", "true");
            env.put("CONSOLE_THROTTLE_ADDRESS_FAILURES", "1000");
            int port = server.start(ConsoleConfig.load(config.resolve("console.yaml"), env), redis, civil);
            try {
                run(port, agents, warmup, seconds, thinkMillis, people, slots(calendar, SlotCalendar.today(clock).plusDays(1)));
            } finally {
                server.close();
            }
        }
        System.exit(0);
    }

    /** People the registry knows, with IDs and mobiles made up (valid check digits). */
    private static List<Person> people(RegistryDouble registry, int count) {
        List<Person> people = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String nine = String.format(Locale.ROOT, "1%08d", 10_000 + i);
            NationalId id = new NationalId(nine + NationalId.luhnCheckDigit(nine));
            Person p = new Person(id, "مواطن " + i, "Citizen " + i, LocalDate.of(1950 + i % 50, 1 + i % 12, 1),
                    i % 2 == 0 ? Person.Gender.M : Person.Gender.F,
                    java.util.Optional.of(new Mobile(String.format(Locale.ROOT, "9665%08d", 10_000 + i))),
                    Person.LifeStatus.ALIVE, Person.Kind.CITIZEN, false);
            registry.stubPerson(p);
            people.add(p);
        }
        return people;
    }

    record Slot(String office, String section, String date, String time) {
    }

    /** Every slot of the next 14 days from {@code from}, per service. */
    private static Map<CivilService, List<Slot>> slots(SlotCalendar calendar, LocalDate from) {
        Map<CivilService, List<Slot>> out = new EnumMap<>(CivilService.class);
        for (CivilService service : CivilService.values()) {
            List<Slot> list = new ArrayList<>();
            for (Office office : calendar.catalogue().offices()) {
                for (Section section : office.sectionsOffering(service)) {
                    for (int d = 0; d < 14; d++) {
                        LocalDate date = from.plusDays(d);
                        for (LocalTime t : calendar.starts(office.id(), section, service, date)) {
                            list.add(new Slot(office.id().value(), section.name(), date.toString(),
                                    String.format(Locale.ROOT, "%02d:%02d", t.getHour(), t.getMinute())));
                        }
                    }
                }
            }
            out.put(service, list);
        }
        return out;
    }

    private static void run(int port, int agents, int warmup, int seconds, long thinkMillis, List<Person> people,
                            Map<CivilService, List<Slot>> slots) throws Exception {
        String base = "http://127.0.0.1:" + port;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).executor(java.util.concurrent.Executors.newFixedThreadPool(8))
                .build();
        System.out.printf("console on %s, %d agents signing in...%n", base, agents);
        // Sign-ins (Argon2id, ~85 ms of CPU each) run a few at a time, like a shift starting.
        String[][] signedIn = new String[agents][];
        long signStart = System.nanoTime();
        java.util.concurrent.ExecutorService signers = java.util.concurrent.Executors.newFixedThreadPool(4);
        List<java.util.concurrent.Future<?>> pending = new ArrayList<>();
        for (int i = 0; i < agents; i++) {
            int agent = i;
            pending.add(signers.submit(() -> {
                String user = agent % 2 == 0 ? "agent1" : "agent2";
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/sign-in"))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                                "{\"username\":\"" + user + "\",\"password\":\"" + user + "-demo-pass\"}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("sign-in " + r.statusCode() + " " + r.body());
                }
                String cookie = r.headers().allValues("Set-Cookie").stream()
                        .filter(c -> c.startsWith("cc_session=")).map(c -> c.substring(0, c.indexOf(';')))
                        .findFirst().orElseThrow();
                signedIn[agent] = new String[] {cookie, JSON.readTree(r.body()).get("csrfToken").asText()};
                return null;
            }));
        }
        for (var f : pending) {
            f.get();
        }
        signers.shutdown();
        List<String[]> sessions = Arrays.asList(signedIn);
        System.out.printf("signed in %d sessions in %.1f s (Argon2id each)%n", agents,
                (System.nanoTime() - signStart) / 1e9);

        CivilService[] services = CivilService.values();
        AtomicInteger nextCombo = new AtomicInteger();
        AtomicLong measuring = new AtomicLong(Long.MAX_VALUE);
        long[][] lookupTimes = new long[agents][];
        long[][] bookTimes = new long[agents][];
        int[][] outcomes = new int[agents][4]; // booked, slot full / already booked, other 4xx, 5xx/failure
        AtomicLong stopAt = new AtomicLong(Long.MAX_VALUE);
        CountDownLatch done = new CountDownLatch(agents);
        for (int a = 0; a < agents; a++) {
            int agent = a;
            Thread t = new Thread(() -> {
                long[] lk = new long[1 << 16];
                long[] bk = new long[1 << 16];
                int nl = 0;
                int nb = 0;
                String[] s = sessions.get(agent);
                ThreadLocalRandom rnd = ThreadLocalRandom.current();
                try {
                    while (System.nanoTime() < stopAt.get()) {
                        Person p = people.get(rnd.nextInt(people.size()));
                        long t0 = System.nanoTime();
                        HttpResponse<String> r = post(http, base + "/api/persons/lookup", s,
                                "{\"query\":\"" + p.nationalId().value() + "\"}");
                        long t1 = System.nanoTime();
                        boolean counted = t0 >= measuring.get();
                        if (counted && nl < lk.length) {
                            lk[nl++] = t1 - t0;
                        }
                        if (r.statusCode() != 200 && counted) {
                            outcomes[agent][3]++;
                        }
                        think(rnd, thinkMillis);
                        int combo = nextCombo.getAndIncrement();
                        Person who = people.get((combo / services.length) % people.size());
                        CivilService service = services[combo % services.length];
                        List<Slot> options = slots.get(service);
                        Slot slot = options.get(rnd.nextInt(options.size()));
                        String body = "{\"nationalId\":\"" + who.nationalId().value() + "\",\"service\":\""
                                + service.name() + "\",\"office\":\"" + slot.office() + "\",\"section\":\""
                                + slot.section() + "\",\"date\":\"" + slot.date() + "\",\"time\":\"" + slot.time()
                                + "\",\"formToken\":\"" + UUID.randomUUID() + "\"}";
                        t0 = System.nanoTime();
                        r = post(http, base + "/api/appointments", s, body);
                        t1 = System.nanoTime();
                        if (t0 >= measuring.get()) {
                            if (nb < bk.length) {
                                bk[nb++] = t1 - t0;
                            }
                            int code = r.statusCode();
                            outcomes[agent][code == 201 ? 0 : code == 409 ? 1 : code < 500 ? 2 : 3]++;
                        }
                        think(rnd, thinkMillis);
                    }
                } catch (Exception e) {
                    outcomes[agent][3]++;
                    System.err.println("agent " + agent + ": " + e);
                } finally {
                    lookupTimes[agent] = Arrays.copyOf(lk, nl);
                    bookTimes[agent] = Arrays.copyOf(bk, nb);
                    done.countDown();
                }
            }, "agent-" + a);
            t.setDaemon(true);
            t.start();
        }
        long start = System.nanoTime();
        Thread.sleep(warmup * 1000L);
        long measureStart = System.nanoTime();
        measuring.set(measureStart);
        stopAt.set(measureStart + seconds * 1_000_000_000L);
        done.await();
        double elapsed = seconds;
        long[] lookups = Arrays.stream(lookupTimes).flatMapToLong(Arrays::stream).sorted().toArray();
        long[] bookings = Arrays.stream(bookTimes).flatMapToLong(Arrays::stream).sorted().toArray();
        int[] totals = new int[4];
        for (int[] o : outcomes) {
            for (int i = 0; i < 4; i++) {
                totals[i] += o[i];
            }
        }
        System.out.printf("warm-up %d s, measured %d s, %d agents, think time %d ms (mean, exponential), %d cores, "
                + "load average %.1f%n", warmup, seconds, agents, thinkMillis, Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        report("lookup ", lookups, elapsed);
        report("booking", bookings, elapsed);
        System.out.printf("total   %8.0f req/s%n", (lookups.length + bookings.length) / elapsed);
        System.out.printf("bookings: %d booked (201), %d refused SLOT_FULL/ALREADY_BOOKED (409), %d other 4xx, "
                + "%d failures (5xx, lookup errors)%n", totals[0], totals[1], totals[2], totals[3]);
        System.out.printf("(run started %.1f s before measurement)%n", (measureStart - start) / 1e9);
    }

    /** An agent's pause between two actions (talking to the caller): exponential with mean {@code millis}. */
    private static void think(ThreadLocalRandom rnd, long millis) {
        if (millis > 0) {
            java.util.concurrent.locks.LockSupport.parkNanos((long) (-Math.log(1 - rnd.nextDouble()) * millis * 1e6));
        }
    }

    private static HttpResponse<String> post(HttpClient http, String url, String[] session, String body)
            throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("Cookie", session[0]).header("X-CSRF-Token", session[1])
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void report(String name, long[] sorted, double seconds) {
        if (sorted.length == 0) {
            System.out.println(name + ": no samples");
            return;
        }
        System.out.printf("%s %8.0f req/s  p50 %6.1f ms  p90 %6.1f ms  p99 %6.1f ms  max %6.1f ms  (%d samples)%n",
                name, sorted.length / seconds, ms(sorted, 0.50), ms(sorted, 0.90), ms(sorted, 0.99),
                sorted[sorted.length - 1] / 1e6, sorted.length);
    }

    private static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }
}
