package sa.civilaffairs.cc.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;
import sa.civilaffairs.cc.booking.BookUnavailableException;
import sa.civilaffairs.cc.booking.BookingOutcome;
import sa.civilaffairs.cc.booking.BookingRequest;
import sa.civilaffairs.cc.booking.SlotKey;
import sa.civilaffairs.cc.booking.redis.RedisAppointmentBook;
import sa.civilaffairs.cc.calendar.RiyadhTime;
import sa.civilaffairs.cc.channel.Channel;
import sa.civilaffairs.cc.config.ConfigDirectory;
import sa.civilaffairs.cc.events.redis.RedisEventLog;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.identity.NationalId;
import sa.civilaffairs.cc.office.CatalogueLoader;
import sa.civilaffairs.cc.office.CivilService;
import sa.civilaffairs.cc.office.Office;
import sa.civilaffairs.cc.office.OfficeCatalogue;
import sa.civilaffairs.cc.office.Section;
import sa.civilaffairs.cc.office.SlotCalendar;
import sa.civilaffairs.cc.redis.LocalRedisServer;
import sa.civilaffairs.cc.redis.RedisSettings;
import sa.civilaffairs.cc.reference.redis.RedisReferences;

/**
 * Confirmed bookings per second against one local Redis (started with the production {@code config/redis.conf}:
 * AOF, fsync every second), with many concurrent clients booking the shipped catalogue's slots (every office,
 * section and service, the next working days) and a few clients asking for free slots meanwhile. One in eight
 * bookings aims at one hot office-day so slots fill and refusals happen under contention. Reports bookings/s, p50/p99
 * latency of a booking and of a free-slots query, and the overbooking count, found afterwards by reading every slot
 * counter back (against the catalogue's capacity) and every stored appointment (against the counters).
 * Then free-slot queries alone for 3 s. Not a test: {@code scripts/bench BookingBench [threads=64] [seconds=20]
 * [queryThreads=2] [warmupSeconds=5]}.
 */
public final class BookingBench {
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 12, 6, 6, 0);

    private BookingBench() {
    }

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int queryThreads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int warmupSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        Path config = ConfigDirectory.locate();
        OfficeCatalogue catalogue = CatalogueLoader.load(config);
        SlotCalendar calendar = new SlotCalendar(catalogue);
        Clock clock = RiyadhTime.fixedAt(NOW);
        List<LocalDate> days = calendarDays(calendar, catalogue, 30);
        List<SlotKey> slots = allSlots(calendar, catalogue, days);
        List<SlotKey> hot = slots.stream().filter(s -> s.office().value().equals("RUH-01")
                && s.date().equals(days.get(0))).toList();
        long places = slots.stream().mapToLong(s -> calendar.capacity(s).orElse(0)).sum();
        System.out.printf(Locale.ROOT, "BookingBench: %d booking threads, %d free-slot threads, %d s (+%d s warm-up), "
                        + "%d slots with %d places over %d days, %d cores%n", threads, queryThreads, seconds,
                warmupSeconds, slots.size(), places, days.size(), Runtime.getRuntime().availableProcessors());

        Path dir = Files.createTempDirectory("cc-booking-bench");
        LocalRedisServer started = LocalRedisServer.startWithConfig(config.resolve("redis.conf"), 0, dir);
        Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "stop-redis")); // also on Ctrl-C
        try (LocalRedisServer server = started;
             UnifiedJedis redis = new RedisSettings("127.0.0.1", server.port(), null, threads + queryThreads + 4,
                     Duration.ofSeconds(5)).connect()) {
            RedisAppointmentBook book = new RedisAppointmentBook(redis, calendar, new RedisReferences(redis),
                    new RedisEventLog(redis), clock);
            AtomicBoolean measuring = new AtomicBoolean(false);
            AtomicBoolean stop = new AtomicBoolean(false);
            AtomicLong personSeq = new AtomicLong(100_000);
            AtomicLong errors = new AtomicLong();
            long[][] bookLatency = new long[threads][];
            long[] booked = new long[threads];
            long[] refused = new long[threads];
            long[] bookedTotal = new long[threads];
            long[][] queryLatency = new long[queryThreads][];
            CountDownLatch done = new CountDownLatch(threads + queryThreads);
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int me = t;
                workers.add(new Thread(() -> {
                    Recorder rec = new Recorder();
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    try {
                        while (!stop.get()) {
                            SlotKey slot = random.nextInt(8) == 0 ? hot.get(random.nextInt(hot.size()))
                                    : slots.get(random.nextInt(slots.size()));
                            NationalId person = person(personSeq.incrementAndGet());
                            BookingRequest request = new BookingRequest(slot, person,
                                    Optional.of(new Mobile("966500000001")), Channel.SMS, "bench-" + person.value());
                            long start = System.nanoTime();
                            BookingOutcome outcome;
                            try {
                                outcome = book.book(request);
                            } catch (BookUnavailableException e) {
                                errors.incrementAndGet(); // e.g. a socket timeout on an overloaded machine
                                continue;
                            }
                            long took = System.nanoTime() - start;
                            boolean ok = outcome instanceof BookingOutcome.Booked;
                            if (ok) {
                                bookedTotal[me]++;
                            }
                            if (measuring.get()) {
                                rec.add(took);
                                if (ok) {
                                    booked[me]++;
                                } else {
                                    refused[me]++;
                                }
                            }
                        }
                    } finally {
                        bookLatency[me] = rec.values();
                        done.countDown();
                    }
                }, "booker-" + t));
            }
            for (int q = 0; q < queryThreads; q++) {
                int me = q;
                workers.add(new Thread(() -> {
                    Recorder rec = new Recorder();
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    try {
                        while (!stop.get()) {
                            SlotKey slot = slots.get(random.nextInt(slots.size()));
                            long start = System.nanoTime();
                            book.freeSlots(slot.office(), slot.section(), slot.service(), slot.date());
                            long took = System.nanoTime() - start;
                            if (measuring.get()) {
                                rec.add(took);
                            }
                        }
                    } finally {
                        queryLatency[me] = rec.values();
                        done.countDown();
                    }
                }, "querier-" + q));
            }
            workers.forEach(Thread::start);
            Thread.sleep(warmupSeconds * 1000L);
            measuring.set(true);
            long t0 = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            measuring.set(false);
            long elapsed = System.nanoTime() - t0;
            stop.set(true);
            done.await();

            long confirmed = Arrays.stream(booked).sum();
            long refusals = Arrays.stream(refused).sum();
            long[] bookAll = merge(bookLatency);
            long[] queryAll = merge(queryLatency);
            double perSecond = confirmed / (elapsed / 1e9);
            System.out.printf(Locale.ROOT, "confirmed bookings: %d in %.1f s = %,.0f bookings/s (refused SLOT_FULL: %d)%n",
                    confirmed, elapsed / 1e9, perSecond, refusals);
            System.out.printf(Locale.ROOT, "unavailable:        %d bookings answered BookUnavailableException%n",
                    errors.get());
            System.out.printf(Locale.ROOT, "booking latency:    p50 %.2f ms, p99 %.2f ms, max %.2f ms (%d calls)%n",
                    pct(bookAll, 50), pct(bookAll, 99), pct(bookAll, 100), bookAll.length);
            System.out.printf(Locale.ROOT, "free-slots query:   p50 %.2f ms, p99 %.2f ms, max %.2f ms (%d queries)%n",
                    pct(queryAll, 50), pct(queryAll, 99), pct(queryAll, 100), queryAll.length);
            long[] quiet = quietQueries(book, slots, queryThreads, 3);
            System.out.printf(Locale.ROOT, "free-slots alone:   p50 %.2f ms, p99 %.2f ms, max %.2f ms (%d queries, "
                    + "%d threads, no bookings running)%n", pct(quiet, 50), pct(quiet, 99), pct(quiet, 100),
                    quiet.length, queryThreads);
            // where Redis spent its time (before the audit's own reads)
            try (redis.clients.jedis.Jedis direct = new redis.clients.jedis.Jedis("127.0.0.1", server.port())) {
                direct.info("commandstats").lines().filter(l -> l.startsWith("cmdstat_"))
                        .map(l -> l.substring(8).split(":", 2))
                        .filter(kv -> !kv[0].equals("info"))
                        .forEach(kv -> System.out.printf(Locale.ROOT, "redis %-10s %s%n", kv[0],
                                kv[1].replaceAll(",rejected_calls=\\d+,failed_calls=\\d+", "")));
            }
            Audit audit = audit(redis, calendar, slots, Arrays.stream(bookedTotal).sum());
            System.out.printf(Locale.ROOT, "overbooking:        %d slots above capacity; %d counters that disagree "
                            + "with the stored appointments; %d places counted vs %d Booked outcomes (%d slots read)%n",
                    audit.overbooked, audit.mismatched, audit.counted, Arrays.stream(bookedTotal).sum(), audit.slots);
        }
    }

    /** Free-slot queries with nothing else running, for the query's own latency. */
    private static long[] quietQueries(RedisAppointmentBook book, List<SlotKey> slots, int threads, int seconds)
            throws InterruptedException {
        long[][] latency = new long[threads][];
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> workers = new ArrayList<>();
        for (int q = 0; q < threads; q++) {
            int me = q;
            Thread t = new Thread(() -> {
                Recorder rec = new Recorder();
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.nanoTime() < until) {
                    SlotKey slot = slots.get(random.nextInt(slots.size()));
                    long start = System.nanoTime();
                    book.freeSlots(slot.office(), slot.section(), slot.service(), slot.date());
                    rec.add(System.nanoTime() - start);
                }
                latency[me] = rec.values();
            }, "quiet-querier-" + q);
            t.start();
            workers.add(t);
        }
        for (Thread t : workers) {
            t.join();
        }
        return merge(latency);
    }

    /** Per-thread latency record, a growing array of nanoseconds. */
    private static final class Recorder {
        private long[] values = new long[1 << 16];
        private int size;

        void add(long nanos) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = nanos;
        }

        long[] values() {
            return Arrays.copyOf(values, size);
        }
    }

    private record Audit(long overbooked, long mismatched, long counted, long slots) {
    }

    /** Reads every slot counter and every stored appointment back. */
    private static Audit audit(UnifiedJedis redis, SlotCalendar calendar, List<SlotKey> slots, long bookedOutcomes) {
        Map<String, SlotKey> byField = new HashMap<>();
        Set<String> usedKeys = new HashSet<>();
        for (SlotKey slot : slots) {
            String usedKey = "{bk:" + slot.office().value() + ":" + slot.date() + "}:used";
            usedKeys.add(usedKey);
            byField.put(usedKey + "#" + slot.section().name() + "|" + slot.service().name() + "|"
                    + String.format(Locale.ROOT, "%02d:%02d", slot.start().getHour(), slot.start().getMinute()), slot);
        }
        long overbooked = 0;
        long counted = 0;
        Map<String, Long> counters = new HashMap<>();
        for (String usedKey : usedKeys) {
            for (Map.Entry<String, String> e : redis.hgetAll(usedKey).entrySet()) {
                long n = Long.parseLong(e.getValue());
                SlotKey slot = byField.get(usedKey + "#" + e.getKey());
                if (slot == null || n > calendar.capacity(slot).orElse(0) || n < 0) {
                    overbooked++;
                }
                counted += n;
                counters.put(usedKey.substring(0, usedKey.length() - ":used".length()) + "#" + e.getKey(), n);
            }
        }
        // one pass over the keyspace (SCAN), appointments read back in pipelined chunks
        Map<String, Long> appointments = new HashMap<>();
        String cursor = ScanParams.SCAN_POINTER_START;
        ScanParams match = new ScanParams()
                .match("{bk:*}:appt:*").count(10_000);
        do {
            ScanResult<String> page = redis.scan(cursor, match);
            cursor = page.getCursor();
            List<String> keys = page.getResult();
            List<Response<List<String>>> rows = new ArrayList<>(keys.size());
            try (AbstractPipeline pipeline = redis.pipelined()) {
                for (String key : keys) {
                    rows.add(pipeline.hmget(key, "status", "section", "service", "start"));
                }
                pipeline.sync();
            }
            for (int i = 0; i < keys.size(); i++) {
                List<String> f = rows.get(i).get();
                if ("BOOKED".equals(f.get(0))) {
                    String tag = keys.get(i).substring(0, keys.get(i).indexOf("}:") + 1);
                    appointments.merge(tag + "#" + f.get(1) + "|" + f.get(2) + "|" + f.get(3), 1L, Long::sum);
                }
            }
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        long mismatched = 0;
        Set<String> all = new HashSet<>(counters.keySet());
        all.addAll(appointments.keySet());
        for (String slot : all) {
            if (!counters.getOrDefault(slot, 0L).equals(appointments.getOrDefault(slot, 0L))) {
                mismatched++;
            }
        }
        return new Audit(overbooked, mismatched, counted, byField.size());
    }

    private static List<LocalDate> calendarDays(SlotCalendar calendar, OfficeCatalogue catalogue, int count) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = NOW.toLocalDate(); days.size() < count; d = d.plusDays(1)) {
            if (!RiyadhTime.isWeekend(d) && catalogue.holiday(d).isEmpty()) {
                days.add(d);
            }
        }
        return days;
    }

    private static List<SlotKey> allSlots(SlotCalendar calendar, OfficeCatalogue catalogue, List<LocalDate> days) {
        List<SlotKey> slots = new ArrayList<>();
        for (Office office : catalogue.offices()) {
            for (Section section : Section.values()) {
                for (CivilService service : CivilService.values()) {
                    for (LocalDate day : days) {
                        for (LocalTime start : calendar.starts(office.id(), section, service, day)) {
                            slots.add(new SlotKey(office.id(), section, service, day, start));
                        }
                    }
                }
            }
        }
        return slots;
    }

    private static NationalId person(long n) {
        String nine = String.format(Locale.ROOT, "1%08d", n);
        return new NationalId(nine + NationalId.luhnCheckDigit(nine));
    }

    private static long[] merge(long[][] parts) {
        long[] all = Arrays.stream(parts).flatMapToLong(Arrays::stream).toArray();
        Arrays.sort(all);
        return all;
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }
}
