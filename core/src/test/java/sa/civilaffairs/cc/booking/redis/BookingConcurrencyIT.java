package sa.civilaffairs.cc.booking.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sa.civilaffairs.cc.booking.redis.BookFixture.MONDAY;
import static sa.civilaffairs.cc.booking.redis.BookFixture.RENEWAL_CAPACITY;
import static sa.civilaffairs.cc.booking.redis.BookFixture.TUESDAY;
import static sa.civilaffairs.cc.booking.redis.BookFixture.booked;
import static sa.civilaffairs.cc.booking.redis.BookFixture.person;
import static sa.civilaffairs.cc.booking.redis.BookFixture.renewal;
import static sa.civilaffairs.cc.booking.redis.BookFixture.request;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.UnifiedJedis;
import sa.civilaffairs.cc.booking.Appointment;
import sa.civilaffairs.cc.booking.BookUnavailableException;
import sa.civilaffairs.cc.booking.BookingOutcome;
import sa.civilaffairs.cc.booking.BookingOutcome.Refusal;
import sa.civilaffairs.cc.booking.SlotKey;
import sa.civilaffairs.cc.channel.Channel;
import sa.civilaffairs.cc.identity.NationalId;
import sa.civilaffairs.cc.office.CivilService;
import sa.civilaffairs.cc.office.OfficeId;
import sa.civilaffairs.cc.redis.LocalRedisServer;
import sa.civilaffairs.cc.reference.Reference;
import sa.civilaffairs.cc.testkit.RedisExtension;
import sa.civilaffairs.cc.testkit.RedisHandle;

/** Many clients at once: never more than capacity, never two active appointments per person and service. */
@ExtendWith(RedisExtension.class)
class BookingConcurrencyIT {
    private static final int THREADS = 64;

    @Test
    void sixtyFourClientsRacingForTheLastPlacesGetExactlyThosePlaces(RedisHandle redis) throws Exception {
        RedisAppointmentBook book = BookFixture.book(redis.client());
        SlotKey slot = renewal(MONDAY, "10:00");
        for (int i = 0; i < RENEWAL_CAPACITY - 3; i++) {
            booked(book.book(request(slot, person(1000 + i), "early-" + i)));
        }

        List<BookingOutcome> outcomes = race(THREADS, i -> book.book(request(slot, person(i), "race-" + i)));

        assertEquals(3, count(outcomes, BookingOutcome.Booked.class));
        assertEquals(THREADS - 3, outcomes.stream().filter(o -> o instanceof BookingOutcome.Refused r
                && r.reason() == Refusal.SLOT_FULL).count());
        assertEquals(RENEWAL_CAPACITY, BookFixture.used(redis.client(), slot));
        assertConsistent(redis.client(), List.of(MONDAY));
    }

    @Test
    void sixtyFourClientsRacingForHoldsGetExactlyTheCapacity(RedisHandle redis) throws Exception {
        RedisAppointmentBook book = BookFixture.book(redis.client());
        SlotKey slot = renewal(MONDAY, "10:00");

        List<BookingOutcome> outcomes = race(THREADS, i -> book.hold(slot, person(i), Duration.ofMinutes(5)));

        assertEquals(RENEWAL_CAPACITY, count(outcomes, BookingOutcome.Held.class));
        assertEquals(THREADS - RENEWAL_CAPACITY, outcomes.stream().filter(o -> o instanceof BookingOutcome.Refused r
                && r.reason() == Refusal.SLOT_FULL).count());
        assertEquals(0, BookFixture.free(book, slot));
        // every hold confirmed while others try to book directly: the holders get the places, nobody else
        List<BookingOutcome.Held> holds = outcomes.stream().filter(o -> o instanceof BookingOutcome.Held)
                .map(o -> (BookingOutcome.Held) o).toList();
        List<BookingOutcome> confirmed = race(THREADS, i -> i < holds.size()
                ? book.confirm(holds.get(i).hold(), request(slot, holds.get(i).hold().person(), "confirm-" + i))
                : book.book(request(slot, person(1000 + i), "direct-" + i)));
        assertEquals(RENEWAL_CAPACITY, count(confirmed, BookingOutcome.Booked.class));
        assertTrue(confirmed.subList(0, holds.size()).stream().allMatch(o -> o instanceof BookingOutcome.Booked));
        assertEquals(RENEWAL_CAPACITY, BookFixture.used(redis.client(), slot));
        assertConsistent(redis.client(), List.of(MONDAY));
    }

    @Test
    void onePersonBookingManySlotsAtOnceGetsOneAppointment(RedisHandle redis) throws Exception {
        RedisAppointmentBook book = BookFixture.book(redis.client());
        NationalId person = person(7);
        List<SlotKey> slots = List.of(renewal(MONDAY, "10:00"), renewal(MONDAY, "10:10"), renewal(TUESDAY, "10:00"),
                renewal(TUESDAY, "11:00"));

        List<BookingOutcome> outcomes = race(32, i -> book.book(request(slots.get(i % slots.size()), person,
                "attempt-" + i)));

        assertEquals(1, count(outcomes, BookingOutcome.Booked.class));
        Appointment winner = outcomes.stream().filter(o -> o instanceof BookingOutcome.Booked)
                .map(BookFixture::booked).findFirst().orElseThrow();
        assertTrue(outcomes.stream().allMatch(o -> o instanceof BookingOutcome.Booked
                || o instanceof BookingOutcome.Refused r && r.reason() == Refusal.ALREADY_BOOKED));
        assertEquals(List.of(winner), book.of(person));
        assertConsistent(redis.client(), List.of(MONDAY, TUESDAY));
    }

    @Test
    void theSameAttemptRetriedByManyThreadsBooksOnce(RedisHandle redis) throws Exception {
        RedisAppointmentBook book = BookFixture.book(redis.client());
        SlotKey slot = renewal(MONDAY, "10:00");

        List<BookingOutcome> outcomes = race(32, i -> book.book(request(slot, person(7), "sms-42")));

        assertEquals(1, outcomes.stream().map(o -> booked(o).reference()).distinct().count());
        assertEquals(1, BookFixture.used(redis.client(), slot));
    }

    @Test
    void reschedulesCancelsAndBookingsRacingKeepEveryCounterTrue(RedisHandle redis) throws Exception {
        RedisAppointmentBook book = BookFixture.book(redis.client());
        List<SlotKey> slots = List.of(renewal(MONDAY, "10:00"), renewal(MONDAY, "10:10"), renewal(TUESDAY, "10:00"),
                renewal(TUESDAY, "10:10"));
        int people = 40;
        Map<Integer, Appointment> first = new ConcurrentHashMap<>();
        for (int p = 0; p < 20; p++) {
            BookingOutcome outcome = book.book(request(slots.get(p % slots.size()), person(p), "first-" + p));
            if (outcome instanceof BookingOutcome.Booked b) {
                first.put(p, b.appointment());
            }
        }
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger overbooked = new AtomicInteger();
        Thread watcher = new Thread(() -> {
            while (running.get()) {
                for (LocalDate day : List.of(MONDAY, TUESDAY)) {
                    Map<String, String> used = redis.client().hgetAll(new BookingKeys.Place(BookFixture.MALAZ, day)
                            .used());
                    used.values().stream().filter(v -> Integer.parseInt(v) > RENEWAL_CAPACITY || Integer.parseInt(v) < 0)
                            .forEach(v -> overbooked.incrementAndGet());
                }
            }
        }, "counter-watcher");
        watcher.start();
        AtomicInteger step = new AtomicInteger();
        try {
            race(THREADS, t -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                for (int i = 0; i < 60; i++) {
                    int p = random.nextInt(people);
                    NationalId who = person(p);
                    SlotKey target = slots.get(random.nextInt(slots.size()));
                    String key = "t" + t + "-" + step.incrementAndGet();
                    List<Appointment> mine = book.of(who).stream().filter(Appointment::active).toList();
                    switch (random.nextInt(3)) {
                        case 0 -> book.book(request(target, who, key));
                        case 1 -> mine.forEach(a -> book.reschedule(a.reference(), request(target, who, key)));
                        default -> mine.forEach(a -> book.cancel(a.reference(), who, Channel.CONSOLE));
                    }
                }
                return null;
            });
        } finally {
            running.set(false);
            watcher.join();
        }

        assertEquals(0, overbooked.get(), "a counter was seen above capacity or below zero");
        assertConsistent(redis.client(), List.of(MONDAY, TUESDAY));
        for (int p = 0; p < people; p++) {
            assertTrue(book.of(person(p)).stream().filter(Appointment::active).count() <= 1);
        }
    }

    @Test
    void aRedisRestartMidWayGivesCleanErrorsAndNoCorruption() throws Exception {
        Path dir = Files.createTempDirectory("cc-booking-restart");
        try (LocalRedisServer server = LocalRedisServer.start(0, dir, true);
             UnifiedJedis client = server.settings().connect()) {
            RedisAppointmentBook book = BookFixture.book(client, Duration.ofMillis(200));
            List<SlotKey> slots = List.of(renewal(MONDAY, "10:00"), renewal(MONDAY, "10:10"),
                    renewal(TUESDAY, "10:00"));
            int people = 60;
            CountDownLatch halfway = new CountDownLatch(people / 3);
            AtomicInteger unavailable = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(16);
            List<Future<?>> workers = new ArrayList<>();
            for (int p = 0; p < people; p++) {
                int who = p;
                workers.add(pool.submit(() -> {
                    try {
                        book.book(request(slots.get(who % slots.size()), person(who), "restart-" + who));
                    } catch (BookUnavailableException e) {
                        unavailable.incrementAndGet();
                    } finally {
                        halfway.countDown();
                    }
                    return null;
                }));
            }
            halfway.await();
            server.restart();
            for (Future<?> worker : workers) {
                worker.get(); // only BookUnavailableException may escape the book, and the workers catch it
            }
            pool.shutdown();

            // every client retries its attempt with the same key: one outcome each, no double booking
            Map<Integer, BookingOutcome> finals = new HashMap<>();
            int stalePooledConnections = 0;
            for (int p = 0; p < people; p++) {
                for (int attempt = 0; !finals.containsKey(p); attempt++) {
                    try {
                        finals.put(p, book.book(request(slots.get(p % slots.size()), person(p), "restart-" + p)));
                    } catch (BookUnavailableException e) {
                        // connections pooled before the restart fail once each: a clean error, retried
                        stalePooledConnections++;
                        assertTrue(attempt < 100, "Redis stays unavailable after its restart");
                    }
                }
            }
            assertTrue(stalePooledConnections <= 64, "at most one failure per pooled connection");
            long booked = finals.values().stream().filter(o -> o instanceof BookingOutcome.Booked).count();
            assertEquals(slots.size() * RENEWAL_CAPACITY, booked, "every place taken once, the rest refused");
            assertTrue(finals.values().stream().allMatch(o -> o instanceof BookingOutcome.Booked
                    || o instanceof BookingOutcome.Refused r && r.reason() == Refusal.SLOT_FULL));
            assertConsistent(client, List.of(MONDAY, TUESDAY));
        }
    }

    // ------------------------------------------------------------------------------------------------------------

    private static <T> List<T> race(int threads, IntFunction<T> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return work.apply(index);
                }));
            }
            ready.await();
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long count(List<BookingOutcome> outcomes, Class<?> kind) {
        return outcomes.stream().filter(kind::isInstance).count();
    }

    /**
     * Reads every slot and every stored appointment of the days back: each counter equals the active appointments
     * of its slot and stays within capacity; each claim (active, or pending from a booking that went through) names
     * an active appointment.
     */
    static void assertConsistent(UnifiedJedis redis, List<LocalDate> days) {
        ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
        Map<String, Integer> activeByPerson = new HashMap<>();
        for (LocalDate day : days) {
            BookingKeys.Place place = new BookingKeys.Place(BookFixture.MALAZ, day);
            Map<String, Integer> counted = new HashMap<>();
            Set<String> keys = redis.keys(place.tag() + ":appt:*");
            for (String key : keys) {
                Map<String, String> a = redis.hgetAll(key);
                if ("BOOKED".equals(a.get("status"))) {
                    counted.merge(a.get("section") + "|" + a.get("service") + "|" + a.get("start"), 1, Integer::sum);
                    activeByPerson.merge(a.get("person") + "|" + a.get("service"), 1, Integer::sum);
                }
            }
            Map<String, String> used = redis.hgetAll(place.used());
            for (Map.Entry<String, String> e : used.entrySet()) {
                int n = Integer.parseInt(e.getValue());
                if (n != counted.getOrDefault(e.getKey(), 0)) {
                    problems.add(day + " " + e.getKey() + ": counter " + n + ", appointments " + counted.get(e.getKey()));
                }
                if (n > RENEWAL_CAPACITY) {
                    problems.add(day + " " + e.getKey() + ": " + n + " above capacity");
                }
            }
            counted.keySet().stream().filter(k -> !used.containsKey(k))
                    .forEach(k -> problems.add(day + " " + k + ": appointments without a counter"));
        }
        activeByPerson.forEach((k, n) -> {
            if (n > 1) {
                problems.add("person …" + k.substring(6) + ": " + n + " active appointments");
            }
        });
        for (String claimKey : redis.keys("{bkp:*}:claim:*")) {
            // a booking that went through keeps its pending claim (P) until something needs it final (A)
            String[] claim = redis.get(claimKey).split("\\|");
            String status = claim[0].equals("A") || claim[0].equals("P")
                    ? redis.hget(new BookingKeys.Place(new OfficeId(claim[3]), LocalDate.parse(claim[4]))
                            .appointment(new Reference(claim[1])), "status") : null;
            if (!"BOOKED".equals(status)) {
                problems.add(claimKey.replaceAll("\\d{6}(\\d{4})", "******$1") + " left " + claim[0]
                        + " naming an appointment that is " + status);
            }
        }
        assertEquals(List.of(), List.copyOf(problems));
    }

    static {
        // keep the CALENDAR initialised before threads start
        CivilService.values();
    }
}
