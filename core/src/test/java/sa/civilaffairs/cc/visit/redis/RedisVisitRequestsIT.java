package sa.civilaffairs.cc.visit.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.UnifiedJedis;
import sa.civilaffairs.cc.cases.IllegalTransitionException;
import sa.civilaffairs.cc.cases.UnknownCaseException;
import sa.civilaffairs.cc.cases.redis.CaseKeys;
import sa.civilaffairs.cc.channel.Channel;
import sa.civilaffairs.cc.events.DomainEvent;
import sa.civilaffairs.cc.events.redis.RedisEventLog;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.identity.NationalId;
import sa.civilaffairs.cc.office.Region;
import sa.civilaffairs.cc.reference.Reference;
import sa.civilaffairs.cc.reference.redis.RedisReferences;
import sa.civilaffairs.cc.testkit.RedisExtension;
import sa.civilaffairs.cc.testkit.RecordedEvents;
import sa.civilaffairs.cc.testkit.RedisHandle;
import sa.civilaffairs.cc.testkit.SettableClock;
import sa.civilaffairs.cc.text.Language;
import sa.civilaffairs.cc.visit.Eligibility;
import sa.civilaffairs.cc.visit.NewVisitRequest;
import sa.civilaffairs.cc.visit.PlaceType;
import sa.civilaffairs.cc.visit.VisitCategory;
import sa.civilaffairs.cc.visit.VisitRequest;
import sa.civilaffairs.cc.visit.VisitSchedule;
import sa.civilaffairs.cc.visit.VisitStatus;

@ExtendWith(RedisExtension.class)
class RedisVisitRequestsIT {
    static final NationalId ELDER = new NationalId("1000000016");
    static final NationalId SON = new NationalId("1000000040");
    static final NationalId OTHER = new NationalId("1000000032");
    static final Mobile SON_MOBILE = Mobile.parse("0500000104");
    static final VisitSchedule SCHEDULE = new VisitSchedule(LocalDate.of(2026, 12, 9), LocalTime.of(9, 0),
            LocalTime.of(12, 0), "Riyadh team 2");

    private final SettableClock now = new SettableClock(Instant.parse("2026-12-01T07:00:00Z"));
    private UnifiedJedis redis;
    private RedisVisitRequests visits;

    @BeforeEach
    void setUp(RedisHandle handle) {
        redis = handle.client();
        visits = new RedisVisitRequests(redis, new RedisReferences(redis), new RedisEventLog(redis), now);
    }

    static NewVisitRequest request(NationalId beneficiary, Optional<NationalId> requester, Region region) {
        return new NewVisitRequest(beneficiary, requester, SON_MOBILE, VisitCategory.AGE_85_PLUS, PlaceType.HOME,
                region, "الرياض", "حي النسيم، شارع 12", Eligibility.ELIGIBLE, Channel.SMS, Language.AR, "sms");
    }

    private VisitRequest submitAt(String instant, NewVisitRequest request, String key) {
        now.set(Instant.parse(instant));
        return visits.submit(request, key);
    }

    @Test
    void aSubmittedRequestIsFoundByReferenceBeneficiaryRequesterAndMobile() {
        VisitRequest filed = visits.submit(request(ELDER, Optional.of(SON), Region.RIYADH), "mo-1");

        assertEquals(VisitStatus.SUBMITTED, filed.status());
        assertEquals(1, filed.history().size());
        assertEquals(Optional.of(filed), visits.find(filed.reference()));
        assertEquals(List.of(filed), visits.of(ELDER));
        assertEquals(List.of(filed), visits.of(SON));
        assertEquals(List.of(filed), visits.byMobile(SON_MOBILE));
        assertEquals(List.of(), visits.of(OTHER));
        assertEquals(List.of(), visits.byMobile(Mobile.parse("0599999999")));
    }

    @Test
    void theSameIdempotencyKeyFilesOneRequestAndOneEvent() {
        VisitRequest first = visits.submit(request(ELDER, Optional.empty(), Region.RIYADH), "mo-7");
        now.advance(java.time.Duration.ofSeconds(30));
        VisitRequest again = visits.submit(request(ELDER, Optional.empty(), Region.RIYADH), "mo-7");

        assertEquals(first, again);
        assertEquals(1, visits.of(ELDER).size());
        assertEquals(1, RecordedEvents.ofType(redis, "visit.submitted").size());
    }

    @Test
    void aRetryAfterACrashBeforeIndexingFilesTheIndexes() {
        VisitRequest first = visits.submit(request(ELDER, Optional.empty(), Region.RIYADH), "mo-8");
        CaseKeys keys = new CaseKeys("visit");
        redis.del(keys.person(ELDER), keys.queue("RIYADH", "SUBMITTED")); // as if the process died after the case

        visits.submit(request(ELDER, Optional.empty(), Region.RIYADH), "mo-8");

        assertEquals(List.of(first), visits.of(ELDER));
        assertEquals(List.of(first), visits.queue(Optional.of(Region.RIYADH), Optional.empty(), 10));
    }

    @Test
    void advancingWalksTheWholeLifeAndKeepsTheHistory() {
        Reference ref = visits.submit(request(ELDER, Optional.of(SON), Region.RIYADH), "k").reference();

        visits.advance(ref, VisitStatus.CONTACTED, "agent7", "spoke to the son", Optional.empty());
        VisitRequest scheduled = visits.advance(ref, VisitStatus.SCHEDULED, "agent7", "", Optional.of(SCHEDULE));
        visits.advance(ref, VisitStatus.VISITED, "team2", "", Optional.empty());
        VisitRequest closed = visits.advance(ref, VisitStatus.CLOSED, "agent7", "", Optional.empty());

        assertEquals(Optional.of(SCHEDULE), scheduled.schedule());
        assertEquals(closed, visits.find(ref).orElseThrow());
        assertEquals(List.of(VisitStatus.SUBMITTED, VisitStatus.CONTACTED, VisitStatus.SCHEDULED,
                VisitStatus.VISITED, VisitStatus.CLOSED), closed.history().stream().map(s -> s.status()).toList());
        assertEquals("spoke to the son", closed.history().get(1).note());
        assertEquals(Optional.of(SCHEDULE), closed.schedule());
        assertEquals(4, RecordedEvents.ofType(redis, "visit.status").size());
        DomainEvent last = RecordedEvents.ofType(redis, "visit.status").get(3);
        assertEquals("CLOSED", last.attributes().get("status"));
        assertTrue(last.toFields().values().stream().noneMatch(v -> v.contains(ELDER.value())
                || v.contains(SON_MOBILE.e164()) || v.contains(SON.value())), "no personal data in events");
    }

    @Test
    void anIllegalTransitionWritesNothing() {
        Reference ref = visits.submit(request(ELDER, Optional.empty(), Region.RIYADH), "k").reference();
        VisitRequest before = visits.find(ref).orElseThrow();

        assertThrows(IllegalTransitionException.class,
                () -> visits.advance(ref, VisitStatus.VISITED, "agent7", "", Optional.empty()));
        assertThrows(IllegalTransitionException.class,
                () -> visits.advance(ref, VisitStatus.DECLINED, "agent7", " ", Optional.empty()));
        visits.advance(ref, VisitStatus.CONTACTED, "agent7", "", Optional.empty());
        assertThrows(IllegalTransitionException.class,
                () -> visits.advance(ref, VisitStatus.SCHEDULED, "agent7", "", Optional.empty()));

        VisitRequest after = visits.find(ref).orElseThrow();
        assertEquals(before.history().size() + 1, after.history().size());
        assertEquals(VisitStatus.CONTACTED, after.status());
        assertEquals(1, RecordedEvents.ofType(redis, "visit.status").size());
        assertEquals(List.of(after), visits.queue(Optional.of(Region.RIYADH), Optional.of(VisitStatus.CONTACTED), 5));
        assertEquals(List.of(), visits.queue(Optional.of(Region.RIYADH), Optional.of(VisitStatus.SUBMITTED), 5));
    }

    @Test
    void aDeclinedRequestIsFinished() {
        Reference ref = visits.submit(request(ELDER, Optional.empty(), Region.RIYADH), "k").reference();
        visits.advance(ref, VisitStatus.DECLINED, "agent7", "not at this address", Optional.empty());

        IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
                () -> visits.advance(ref, VisitStatus.CONTACTED, "agent7", "", Optional.empty()));
        assertEquals("DECLINED", e.from());
        assertEquals(List.of(), visits.queue(Optional.empty(), Optional.empty(), 10));
        assertEquals(1, visits.queue(Optional.empty(), Optional.of(VisitStatus.DECLINED), 10).size());
    }

    @Test
    void anUnknownReferenceIsRefused() {
        Reference nowhere = Reference.of(sa.civilaffairs.cc.reference.ReferenceKind.VISIT_REQUEST, "1234567");
        assertThrows(UnknownCaseException.class,
                () -> visits.advance(nowhere, VisitStatus.CONTACTED, "agent7", "", Optional.empty()));
        assertEquals(Optional.empty(), visits.find(nowhere));
        assertEquals(0, redis.dbSize() - redis.keys("{ref}*").size());
    }

    @Test
    void theQueueIsOldestFirstAndFiltersByRegionAndStatus() {
        VisitRequest riyadhOld = submitAt("2026-12-01T06:00:00Z", request(ELDER, Optional.empty(), Region.RIYADH),
                "a");
        VisitRequest makkah = submitAt("2026-12-01T07:00:00Z", request(OTHER, Optional.empty(), Region.MAKKAH), "b");
        VisitRequest riyadhNew = submitAt("2026-12-01T08:00:00Z", request(SON, Optional.empty(), Region.RIYADH),
                "c");
        visits.advance(riyadhNew.reference(), VisitStatus.CONTACTED, "agent7", "", Optional.empty());

        assertEquals(List.of(riyadhOld.reference(), makkah.reference(), riyadhNew.reference()),
                refs(visits.queue(Optional.empty(), Optional.empty(), 10)));
        assertEquals(List.of(riyadhOld.reference(), makkah.reference()),
                refs(visits.queue(Optional.empty(), Optional.of(VisitStatus.SUBMITTED), 10)));
        assertEquals(List.of(riyadhOld.reference(), riyadhNew.reference()),
                refs(visits.queue(Optional.of(Region.RIYADH), Optional.empty(), 10)));
        assertEquals(List.of(riyadhOld.reference()),
                refs(visits.queue(Optional.of(Region.RIYADH), Optional.empty(), 1)));
        assertEquals(List.of(), visits.queue(Optional.of(Region.TABUK), Optional.empty(), 10));
    }

    @Test
    void aQueueEntryLeftBehindByAnInterruptedChangeIsRepairedWhenRead() {
        VisitRequest filed = visits.submit(request(ELDER, Optional.empty(), Region.RIYADH), "k");
        visits.advance(filed.reference(), VisitStatus.CONTACTED, "agent7", "", Optional.empty());
        CaseKeys keys = new CaseKeys("visit");
        // as if the process died between the case's change and the queue move
        redis.zadd(keys.queue("RIYADH", "SUBMITTED"), filed.createdAt().toEpochMilli(), filed.reference().value());
        redis.zrem(keys.queue("RIYADH", "CONTACTED"), filed.reference().value());

        assertEquals(List.of(), visits.queue(Optional.of(Region.RIYADH), Optional.of(VisitStatus.SUBMITTED), 10));
        assertEquals(1, visits.queue(Optional.of(Region.RIYADH), Optional.of(VisitStatus.CONTACTED), 10).size());
        assertEquals(0, redis.zcard(keys.queue("RIYADH", "SUBMITTED")));
    }

    @Test
    void personListsAreNewestFirst() {
        VisitRequest older = submitAt("2026-12-01T06:00:00Z", request(ELDER, Optional.of(SON), Region.RIYADH), "a");
        VisitRequest newer = submitAt("2026-12-02T06:00:00Z", request(SON, Optional.empty(), Region.RIYADH), "b");

        assertEquals(List.of(newer.reference(), older.reference()), refs(visits.of(SON)));
        assertEquals(List.of(older.reference()), refs(visits.of(ELDER)));
    }

    @Test
    void agentsRacingOnTheSameStepMakeItOnce() throws Exception {
        Reference ref = visits.submit(request(ELDER, Optional.empty(), Region.RIYADH), "k").reference();
        List<Object> outcomes = race(8, i -> visits.advance(ref, VisitStatus.CONTACTED, "agent" + i, "",
                Optional.empty()));

        assertEquals(1, outcomes.stream().filter(o -> o instanceof VisitRequest).count(), outcomes.toString());
        assertEquals(7, outcomes.stream().filter(o -> o instanceof IllegalTransitionException).count(),
                outcomes.toString());
        assertEquals(2, visits.find(ref).orElseThrow().history().size());
        assertEquals(1, RecordedEvents.ofType(redis, "visit.status").size());
    }

    @Test
    void retriesRacingWithTheSameKeyFileOneRequest() throws Exception {
        List<Object> outcomes = race(8, i -> visits.submit(request(ELDER, Optional.of(SON), Region.RIYADH),
                "mo-race"));

        assertEquals(1, outcomes.stream().distinct().count(), outcomes.toString());
        assertEquals(1, visits.of(ELDER).size());
        assertEquals(1, visits.queue(Optional.empty(), Optional.empty(), 10).size());
        assertEquals(1, RecordedEvents.ofType(redis, "visit.submitted").size());
    }

    /** Runs {@code n} attempts released at once; each outcome is the result or the exception thrown. */
    private static List<Object> race(int n, java.util.function.IntFunction<Object> attempt) throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(n);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Object>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        return attempt.apply(index);
                    } catch (RuntimeException e) {
                        return e;
                    }
                }));
            }
            start.countDown();
            List<Object> outcomes = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Object> f : futures) {
                outcomes.add(f.get(30, java.util.concurrent.TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private List<Reference> refs(List<VisitRequest> requests) {
        return requests.stream().map(VisitRequest::reference).toList();
    }
}
