package sa.civilaffairs.cc.reference.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sa.civilaffairs.cc.reference.Reference;
import sa.civilaffairs.cc.reference.ReferenceKind;
import sa.civilaffairs.cc.reference.References;
import sa.civilaffairs.cc.testkit.RedisExtension;
import sa.civilaffairs.cc.testkit.RedisHandle;

@ExtendWith(RedisExtension.class)
class RedisReferencesIT {

    private static final int THREADS = 8;
    private static final int PER_THREAD = 1_000;

    @Test
    void thousandsOfConcurrentAllocationsAreAllUniqueAndValid(RedisHandle redis) throws Exception {
        ConcurrentLinkedQueue<Reference> allocated = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                // each thread through its own client too, as separate processes would
                workers.add(pool.submit(() -> {
                    try (var client = redis.newClient()) {
                        References references = new RedisReferences(client);
                        start.await();
                        for (int i = 0; i < PER_THREAD; i++) {
                            ReferenceKind kind = ReferenceKind.values()[(thread + i) % ReferenceKind.values().length];
                            allocated.add(references.next(kind));
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(THREADS * PER_THREAD, allocated.size());
        Set<String> distinct = new HashSet<>();
        Map<ReferenceKind, Integer> perKind = new EnumMap<>(ReferenceKind.class);
        for (Reference ref : allocated) {
            assertTrue(distinct.add(ref.value()), "allocated twice: " + ref);
            assertEquals(ref, Reference.parse(ref.value()));
            perKind.merge(ref.kind(), 1, Integer::sum);
        }
        for (ReferenceKind kind : ReferenceKind.values()) {
            assertEquals(THREADS * PER_THREAD / ReferenceKind.values().length, perKind.get(kind), kind.name());
        }
    }

    @Test
    void eachKindCountsOnItsOwn(RedisHandle redis) {
        References references = new RedisReferences(redis.client());
        List<Reference> appointments = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            appointments.add(references.next(ReferenceKind.APPOINTMENT));
        }
        Reference firstTicket = references.next(ReferenceKind.TICKET);
        Reference secondTicket = references.next(ReferenceKind.TICKET);

        assertEquals(ReferenceKind.TICKET, firstTicket.kind());
        assertEquals(ReferenceKind.TICKET, secondTicket.kind());
        assertEquals("5", redis.client().get(RedisReferences.key(ReferenceKind.APPOINTMENT)));
        assertEquals("2", redis.client().get(RedisReferences.key(ReferenceKind.TICKET)));
        assertNotEquals(appointments.get(0), firstTicket);
        assertEquals(Set.of(RedisReferences.key(ReferenceKind.APPOINTMENT), RedisReferences.key(ReferenceKind.TICKET),
                        RedisReferences.SECRET_KEY),
                redis.client().keys("*"));
    }

    @Test
    void aBlockTakesItsReferencesInOneStepAndTheNextSingleFollowsIt(RedisHandle redis) {
        References references = new RedisReferences(redis.client());
        List<Reference> block = references.next(ReferenceKind.APPOINTMENT, 5);
        Reference single = references.next(ReferenceKind.APPOINTMENT);

        assertEquals(5, new HashSet<>(block).size());
        assertTrue(block.stream().allMatch(r -> r.kind() == ReferenceKind.APPOINTMENT));
        assertEquals("6", redis.client().get(RedisReferences.key(ReferenceKind.APPOINTMENT)));
        assertTrue(!block.contains(single));
        assertThrows(IllegalArgumentException.class, () -> references.next(ReferenceKind.APPOINTMENT, 0));
    }

    @Test
    void consecutiveReferencesAreNotNeighbours(RedisHandle redis) {
        References references = new RedisReferences(redis.client());
        // a keyed permutation puts a successor within 1,000 of its predecessor with odds of about 1 in 5,000
        Reference previous = references.next(ReferenceKind.VISIT_REQUEST);
        int neighbours = 0;
        for (int i = 0; i < 100; i++) {
            Reference next = references.next(ReferenceKind.VISIT_REQUEST);
            long gap = Math.abs(Long.parseLong(next.value().substring(1, 8))
                    - Long.parseLong(previous.value().substring(1, 8)));
            neighbours += gap <= 1_000 ? 1 : 0;
            previous = next;
        }
        assertTrue(neighbours <= 3, neighbours + " of 100 consecutive references were neighbours");
    }

    @Test
    void theLastReferenceOfAKindIsHandedOutThenTheSpaceIsExhausted(RedisHandle redis) {
        References references = new RedisReferences(redis.client());
        redis.client().set(RedisReferences.key(ReferenceKind.CALLBACK), "9999998");

        Reference last = references.next(ReferenceKind.CALLBACK);

        assertEquals(ReferenceKind.CALLBACK, last.kind());
        assertThrows(IllegalStateException.class, () -> references.next(ReferenceKind.CALLBACK));
        assertEquals(ReferenceKind.LOST_REPORT, references.next(ReferenceKind.LOST_REPORT).kind());
    }

    @Test
    void thePermutationStaysInRangeNeverRepeatsAndDependsOnTheSecret(RedisHandle redis) {
        RedisReferences references = new RedisReferences(redis.client());
        java.util.BitSet seen = new java.util.BitSet(10_000_000);
        for (int n = 0; n < 200_000; n++) {
            int body = references.permute(ReferenceKind.APPOINTMENT, n);
            assertTrue(body >= 0 && body < 10_000_000, "out of range: " + body);
            assertTrue(!seen.get(body), "twice: " + body);
            seen.set(body);
        }
        RedisReferences sameRedis = new RedisReferences(redis.client());
        assertEquals(references.permute(ReferenceKind.TICKET, 42), sameRedis.permute(ReferenceKind.TICKET, 42));

        redis.client().del(RedisReferences.SECRET_KEY);
        RedisReferences otherSecret = new RedisReferences(redis.client());
        int differing = 0;
        for (int n = 1; n <= 100; n++) {
            if (otherSecret.permute(ReferenceKind.TICKET, n) != references.permute(ReferenceKind.TICKET, n)) {
                differing++;
            }
        }
        assertTrue(differing > 90, "a new secret gives a new permutation: " + differing);
    }
}
