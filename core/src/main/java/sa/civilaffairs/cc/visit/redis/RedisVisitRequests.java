package sa.civilaffairs.cc.visit.redis;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import redis.clients.jedis.UnifiedJedis;
import sa.civilaffairs.cc.cases.redis.CaseKeys;
import sa.civilaffairs.cc.cases.redis.RedisCaseStore;
import sa.civilaffairs.cc.events.DomainEvent;
import sa.civilaffairs.cc.events.EventLog;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.identity.NationalId;
import sa.civilaffairs.cc.office.Region;
import sa.civilaffairs.cc.reference.Reference;
import sa.civilaffairs.cc.reference.ReferenceKind;
import sa.civilaffairs.cc.reference.References;
import sa.civilaffairs.cc.visit.NewVisitRequest;
import sa.civilaffairs.cc.visit.VisitRequest;
import sa.civilaffairs.cc.visit.VisitRequests;
import sa.civilaffairs.cc.visit.VisitSchedule;
import sa.civilaffairs.cc.visit.VisitStatus;

/**
 * Visit requests in Redis under {@code visit:{<ref>}} and the {@code {visit}} indexes ({@link CaseKeys}); queues are
 * per region and status. Appends {@code visit.submitted} (once per request) and {@code visit.status} events with
 * region, category, eligibility, status and channel, never personal data. Thread-safe.
 */
public final class RedisVisitRequests implements VisitRequests {
    public static final String KIND = "visit";

    private final RedisCaseStore<VisitRequest, VisitStatus> store;
    private final EventLog events;
    private final Clock clock;

    public RedisVisitRequests(UnifiedJedis redis, References references, EventLog events, Clock clock) {
        this.store = new RedisCaseStore<>(redis, new CaseKeys(KIND), new VisitCodec(), references,
                ReferenceKind.VISIT_REQUEST);
        this.events = events;
        this.clock = clock;
    }

    @Override
    public VisitRequest submit(NewVisitRequest request, String idempotencyKey) {
        RedisCaseStore.Created<VisitRequest> created = store.create(idempotencyKey,
                reference -> VisitRequest.submitted(reference, request, clock.instant()));
        if (created.fresh()) {
            events.append(event("visit.submitted", created.kase()));
        }
        return created.kase();
    }

    @Override
    public VisitRequest advance(Reference reference, VisitStatus to, String by, String note,
                                Optional<VisitSchedule> schedule) {
        VisitRequest changed = store.change(reference,
                current -> current.moveTo(to, clock.instant(), by, note, schedule));
        events.append(event("visit.status", changed));
        return changed;
    }

    @Override
    public Optional<VisitRequest> find(Reference reference) {
        return store.find(reference);
    }

    @Override
    public List<VisitRequest> of(NationalId person) {
        return store.of(person);
    }

    @Override
    public List<VisitRequest> byMobile(Mobile mobile) {
        return store.byMobile(mobile);
    }

    @Override
    public List<VisitRequest> queue(Optional<Region> region, Optional<VisitStatus> status, int limit) {
        return store.queue(region, status, limit);
    }

    private DomainEvent event(String type, VisitRequest v) {
        return new DomainEvent(type, v.reference().value(), clock.instant(), Map.of(
                "region", v.region().name(),
                "status", v.status().name(),
                "category", v.category().name(),
                "eligibility", v.eligibility().name(),
                "channel", v.channel().name(),
                "by", v.history().get(v.history().size() - 1).by()));
    }
}
