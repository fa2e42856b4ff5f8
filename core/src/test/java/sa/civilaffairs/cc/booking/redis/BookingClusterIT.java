package sa.civilaffairs.cc.booking.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sa.civilaffairs.cc.booking.redis.BookFixture.MALAZ;
import static sa.civilaffairs.cc.booking.redis.BookFixture.MONDAY;
import static sa.civilaffairs.cc.booking.redis.BookFixture.RENEWAL_CAPACITY;
import static sa.civilaffairs.cc.booking.redis.BookFixture.TUESDAY;
import static sa.civilaffairs.cc.booking.redis.BookFixture.booked;
import static sa.civilaffairs.cc.booking.redis.BookFixture.person;
import static sa.civilaffairs.cc.booking.redis.BookFixture.refusal;
import static sa.civilaffairs.cc.booking.redis.BookFixture.renewal;
import static sa.civilaffairs.cc.booking.redis.BookFixture.request;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.util.JedisClusterCRC16;
import sa.civilaffairs.cc.booking.Appointment;
import sa.civilaffairs.cc.booking.AppointmentStatus;
import sa.civilaffairs.cc.booking.BookingOutcome;
import sa.civilaffairs.cc.booking.BookingOutcome.Refusal;
import sa.civilaffairs.cc.booking.Hold;
import sa.civilaffairs.cc.booking.SlotKey;
import sa.civilaffairs.cc.channel.Channel;
import sa.civilaffairs.cc.office.CivilService;
import sa.civilaffairs.cc.office.OfficeId;
import sa.civilaffairs.cc.office.Section;
import sa.civilaffairs.cc.redis.LocalRedisServer;

/**
 * The same book on a real three-node Redis Cluster (no replicas): every script's keys must hash to one slot, moves
 * cross nodes, free-day searches pipeline over several nodes, and the last places still go exactly once.
 */
class BookingClusterIT {

    @Test
    void theBookWorksUnchangedOnRedisCluster() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                java.util.stream.Stream.of(System.getenv().getOrDefault("PATH", "/usr/bin").split(":"))
                        .anyMatch(dir -> Files.isExecutable(Path.of(dir, "redis-cli"))),
                "redis-cli (Debian's redis-tools) is needed to create the cluster");
        List<LocalRedisServer> nodes = new ArrayList<>();
        try {
            Path conf = Files.createTempFile("cc-cluster", ".conf");
            Files.writeString(conf, "cluster-enabled yes\ncluster-config-file nodes.conf\ncluster-node-timeout 5000\n"
                    + "appendonly no\nsave \"\"\n");
            for (int i = 0; i < 3; i++) {
                nodes.add(LocalRedisServer.startWithConfig(conf, clusterPort(), Files.createTempDirectory("cc-node")));
            }
            List<String> create = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
            nodes.forEach(n -> create.add("127.0.0.1:" + n.port()));
            create.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
            Process process = new ProcessBuilder(create).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            assertTrue(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0, "redis-cli --cluster create");
            for (LocalRedisServer node : nodes) {
                BookFixture.await(Duration.ofSeconds(30), () -> clusterOk(node.port()), "cluster_state:ok");
            }
            Set<HostAndPort> seeds = new HashSet<>();
            nodes.forEach(n -> seeds.add(new HostAndPort("127.0.0.1", n.port())));
            try (UnifiedJedis cluster = RedisClusterClient.create(seeds)) {
                exercise(cluster);
            }
        } finally {
            nodes.forEach(LocalRedisServer::close);
        }
    }

    private static void exercise(UnifiedJedis cluster) throws Exception {
        RedisAppointmentBook book = BookFixture.book(cluster);
        SlotKey monday = renewal(MONDAY, "09:30");
        SlotKey tuesday = renewal(TUESDAY, "10:00");
        // the two office-days live in different cluster slots
        assertFalse(JedisClusterCRC16.getSlot(BookingKeys.Place.of(monday).used())
                == JedisClusterCRC16.getSlot(BookingKeys.Place.of(tuesday).used()));

        Appointment appointment = booked(book.book(request(monday, person(1), "a")));
        assertEquals(appointment, booked(book.book(request(monday, person(1), "a"))));
        assertEquals(Refusal.ALREADY_BOOKED, refusal(book.book(request(tuesday, person(1), "b"))));
        Appointment moved = booked(book.reschedule(appointment.reference(), request(tuesday, person(1), "c")));
        assertEquals(tuesday, moved.slot());
        assertEquals(Optional.of(moved), book.find(appointment.reference()));
        assertEquals(RENEWAL_CAPACITY, BookFixture.free(book, monday));
        assertEquals(RENEWAL_CAPACITY - 1, BookFixture.free(book, tuesday));
        Hold hold = assertInstanceOf(BookingOutcome.Held.class, book.hold(monday, person(2), Duration.ofMinutes(3)))
                .hold();
        booked(book.confirm(hold, request(monday, person(2), "d")));
        assertEquals(AppointmentStatus.CANCELLED,
                booked(book.cancel(appointment.reference(), person(1), Channel.SMS)).status());
        SlotKey elsewhere = new SlotKey(new OfficeId("JED-01"), Section.MEN, CivilService.ID_RENEWAL, MONDAY,
                java.time.LocalTime.of(9, 30));
        if (BookFixture.CALENDAR.capacity(elsewhere).isPresent()) {
            booked(book.book(request(elsewhere, person(3), "e")));
        }
        List<LocalDate> days = book.daysWithFreeSlots(MALAZ, Section.MEN, CivilService.ID_RENEWAL, MONDAY, 8);
        assertEquals(8, days.size());

        // the last places of one slot, raced from 24 threads
        SlotKey last = renewal(MONDAY, "11:00");
        ExecutorService pool = Executors.newFixedThreadPool(24);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<BookingOutcome>> outcomes = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            int who = 100 + i;
            outcomes.add(pool.submit(() -> {
                go.await();
                return book.book(request(last, person(who), "race-" + who));
            }));
        }
        go.countDown();
        int won = 0;
        for (Future<BookingOutcome> f : outcomes) {
            if (f.get() instanceof BookingOutcome.Booked) {
                won++;
            }
        }
        pool.shutdown();
        assertEquals(RENEWAL_CAPACITY, won);
        assertEquals(RENEWAL_CAPACITY, BookFixture.used(cluster, last));
        book.close();
    }

    private static boolean clusterOk(int port) {
        try (Jedis jedis = new Jedis("127.0.0.1", port)) {
            return jedis.clusterInfo().contains("cluster_state:ok");
        } catch (RuntimeException notYet) {
            return false;
        }
    }

    /** A free port whose cluster bus port (port + 10000) is free too. */
    private static int clusterPort() throws Exception {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = LocalRedisServer.freePort();
            if (port > 55_000) {
                continue;
            }
            try (ServerSocket bus = new ServerSocket(port + 10_000)) {
                return port;
            } catch (java.io.IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no free port pair for a cluster node");
    }
}
