package sa.civilaffairs.cc.lost.redis;

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
import sa.civilaffairs.cc.lost.LostReport;
import sa.civilaffairs.cc.lost.LostReports;
import sa.civilaffairs.cc.lost.LostStatus;
import sa.civilaffairs.cc.lost.NewLostReport;
import sa.civilaffairs.cc.reference.Reference;
import sa.civilaffairs.cc.reference.ReferenceKind;
import sa.civilaffairs.cc.reference.References;

/**
 * Lost-document reports in Redis under {@code lost:{<ref>}} and the {@code {lost}} indexes ({@link CaseKeys}).
 * Appends {@code lost.reported} (once) and {@code lost.status} events with document, status and channel.
 * Thread-safe.
 */
public final class RedisLostReports implements LostReports {
    public static final String KIND = "lost";

    private final RedisCaseStore<LostReport, LostStatus> store;
    private final EventLog events;
    private final Clock clock;

    public RedisLostReports(UnifiedJedis redis, References references, EventLog events, Clock clock) {
        this.store = new RedisCaseStore<>(redis, new CaseKeys(KIND), new LostCodec(), references,
                ReferenceKind.LOST_REPORT);
        this.events = events;
        this.clock = clock;
    }

    @Override
    public LostReport report(NewLostReport report, String idempotencyKey) {
        RedisCaseStore.Created<LostReport> created = store.create(idempotencyKey,
                reference -> LostReport.reported(reference, report, clock.instant()));
        if (created.fresh()) {
            events.append(event("lost.reported", created.kase()));
        }
        return created.kase();
    }

    @Override
    public LostReport linkReplacement(Reference report, Reference appointment, String by) {
        LostReport changed = store.change(report,
                current -> current.withReplacement(appointment, clock.instant(), by));
        events.append(event("lost.status", changed));
        return changed;
    }

    @Override
    public LostReport close(Reference report, String by, String note) {
        LostReport changed = store.change(report, current -> current.closed(clock.instant(), by, note));
        events.append(event("lost.status", changed));
        return changed;
    }

    @Override
    public Optional<LostReport> find(Reference reference) {
        return store.find(reference);
    }

    @Override
    public List<LostReport> of(NationalId person) {
        return store.of(person);
    }

    @Override
    public List<LostReport> byMobile(Mobile mobile) {
        return store.byMobile(mobile);
    }

    private DomainEvent event(String type, LostReport r) {
        return new DomainEvent(type, r.reference().value(), clock.instant(), Map.of(
                "document", r.document().name(),
                "status", r.status().name(),
                "channel", r.channel().name(),
                "by", r.history().get(r.history().size() - 1).by()));
    }
}
