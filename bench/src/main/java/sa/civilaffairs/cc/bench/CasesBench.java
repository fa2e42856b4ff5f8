package sa.civilaffairs.cc.bench;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import redis.clients.jedis.UnifiedJedis;
import sa.civilaffairs.cc.calendar.RiyadhTime;
import sa.civilaffairs.cc.channel.Channel;
import sa.civilaffairs.cc.events.redis.RedisEventLog;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.identity.NationalId;
import sa.civilaffairs.cc.office.Region;
import sa.civilaffairs.cc.redis.LocalRedisServer;
import sa.civilaffairs.cc.redis.RedisSettings;
import sa.civilaffairs.cc.reference.Reference;
import sa.civilaffairs.cc.reference.redis.RedisReferences;
import sa.civilaffairs.cc.text.Language;
import sa.civilaffairs.cc.visit.Eligibility;
import sa.civilaffairs.cc.visit.NewVisitRequest;
import sa.civilaffairs.cc.visit.PlaceType;
import sa.civilaffairs.cc.visit.VisitCategory;
import sa.civilaffairs.cc.visit.VisitSchedule;
import sa.civilaffairs.cc.visit.VisitStatus;
import sa.civilaffairs.cc.visit.redis.RedisVisitRequests;

/**
 * The Redis case store under load, on visit requests (tickets and lost reports share the same store): many clients
 * submit requests, read the work queue of a region while they are open, then walk each through contacted, scheduled,
 * visited and closed. Reports operations per second and p50/p99 latency of each kind of call; events are written as
 * in production. Not a test: {@code scripts/bench CasesBench [clients] [requests]}.
 */
public final class CasesBench {
    private static final VisitSchedule SCHEDULE = new VisitSchedule(LocalDate.of(2026, 12, 9), LocalTime.of(9, 0),
            LocalTime.of(12, 0), "team 1");

    private CasesBench() {
    }

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 32;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        System.out.printf(Locale.ROOT, "CasesBench: %d clients, %d visit requests, one local redis-server%n", clients,
                requests);
        try (LocalRedisServer server = LocalRedisServer.startEphemeral();
             UnifiedJedis redis = new RedisSettings(server.settings().host(), server.settings().port(),
                     server.settings().password(), clients, server.settings().timeout()).connect()) {
            Clock clock = RiyadhTime.systemClock();
            RedisVisitRequests visits = new RedisVisitRequests(redis, new RedisReferences(redis),
                    new RedisEventLog(redis), clock);
            Reference[] refs = new Reference[requests];
            Region[] regions = Region.values();

            run("warm-up submit", clients, 2_000, i -> visits.submit(request(i, regions), "warm-" + i));
            run("submit", clients, requests, i -> refs[i] = visits.submit(request(i, regions), "k-" + i).reference());
            run("queue(region, open, 50)", clients, 5_000,
                    i -> visits.queue(Optional.of(regions[i % regions.length]), Optional.empty(), 50));
            run("find", clients, requests, i -> visits.find(refs[i]).orElseThrow());
            run("advance to CONTACTED", clients, requests,
                    i -> visits.advance(refs[i], VisitStatus.CONTACTED, "agent", "", Optional.empty()));
            run("advance to SCHEDULED", clients, requests,
                    i -> visits.advance(refs[i], VisitStatus.SCHEDULED, "agent", "", Optional.of(SCHEDULE)));
            run("advance to VISITED", clients, requests,
                    i -> visits.advance(refs[i], VisitStatus.VISITED, "team", "", Optional.empty()));
            run("advance to CLOSED", clients, requests,
                    i -> visits.advance(refs[i], VisitStatus.CLOSED, "agent", "", Optional.empty()));
            long wrong = Arrays.stream(refs).filter(r -> visits.find(r).orElseThrow().status() != VisitStatus.CLOSED
                    || visits.find(r).orElseThrow().history().size() != 5).count();
            System.out.printf(Locale.ROOT, "requests not CLOSED with 5 steps at the end: %d%n", wrong);
        }
    }

    private static NewVisitRequest request(int i, Region[] regions) {
        String nine = String.format(Locale.ROOT, "1%08d", i);
        NationalId beneficiary = new NationalId(nine + NationalId.luhnCheckDigit(nine));
        Mobile contact = new Mobile(String.format(Locale.ROOT, "9665%08d", i));
        return new NewVisitRequest(beneficiary, Optional.empty(), contact, VisitCategory.AGE_85_PLUS, PlaceType.HOME,
                regions[i % regions.length], "city", "address " + i, Eligibility.ELIGIBLE, Channel.CONSOLE,
                Language.AR, "bench");
    }

    /** Runs {@code count} calls of {@code call(i)}, each {@code i} once, on {@code clients} threads. */
    private static void run(String name, int clients, int count, IntConsumer call) throws Exception {
        long[] nanos = new long[count];
        AtomicInteger next = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
            done.add(pool.submit(() -> {
                start.await();
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    long t0 = System.nanoTime();
                    call.accept(i);
                    nanos[i] = System.nanoTime() - t0;
                }
                return null;
            }));
        }
        long wall = System.nanoTime();
        start.countDown();
        for (Future<?> f : done) {
            f.get();
        }
        wall = System.nanoTime() - wall;
        pool.shutdown();
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "%-26s %8d calls %9.0f /s   p50 %6.2f ms   p99 %6.2f ms%n", name, count,
                count / (wall / 1e9), nanos[count / 2] / 1e6, nanos[(int) (count * 0.99)] / 1e6);
    }
}
