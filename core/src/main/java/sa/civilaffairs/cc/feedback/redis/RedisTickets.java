package sa.civilaffairs.cc.feedback.redis;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import redis.clients.jedis.UnifiedJedis;
import sa.civilaffairs.cc.cases.redis.CaseKeys;
import sa.civilaffairs.cc.cases.redis.RedisCaseStore;
import sa.civilaffairs.cc.events.DomainEvent;
import sa.civilaffairs.cc.events.EventLog;
import sa.civilaffairs.cc.feedback.NewTicket;
import sa.civilaffairs.cc.feedback.Ticket;
import sa.civilaffairs.cc.feedback.TicketStatus;
import sa.civilaffairs.cc.feedback.Tickets;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.identity.NationalId;
import sa.civilaffairs.cc.office.Region;
import sa.civilaffairs.cc.reference.Reference;
import sa.civilaffairs.cc.reference.ReferenceKind;
import sa.civilaffairs.cc.reference.References;

/**
 * Tahseen tickets in Redis under {@code ticket:{<ref>}} and the {@code {ticket}} indexes ({@link CaseKeys}); queues
 * are per region and status. Appends {@code ticket.opened} (once) and {@code ticket.status} events with kind, region,
 * status and channel; never the text. Thread-safe.
 */
public final class RedisTickets implements Tickets {
    public static final String KIND = "ticket";

    private final RedisCaseStore<Ticket, TicketStatus> store;
    private final EventLog events;
    private final Clock clock;

    public RedisTickets(UnifiedJedis redis, References references, EventLog events, Clock clock) {
        this.store = new RedisCaseStore<>(redis, new CaseKeys(KIND), new TicketCodec(), references,
                ReferenceKind.TICKET);
        this.events = events;
        this.clock = clock;
    }

    @Override
    public Ticket open(NewTicket ticket, String idempotencyKey) {
        RedisCaseStore.Created<Ticket> created = store.create(idempotencyKey,
                reference -> Ticket.opened(reference, ticket, clock.instant()));
        if (created.fresh()) {
            events.append(event("ticket.opened", created.kase()));
        }
        return created.kase();
    }

    @Override
    public Ticket advance(Reference reference, TicketStatus to, String by, String note) {
        Ticket changed = store.change(reference, current -> current.moveTo(to, clock.instant(), by, note));
        events.append(event("ticket.status", changed));
        return changed;
    }

    @Override
    public Optional<Ticket> find(Reference reference) {
        return store.find(reference);
    }

    @Override
    public List<Ticket> of(NationalId person) {
        return store.of(person);
    }

    @Override
    public List<Ticket> byMobile(Mobile mobile) {
        return store.byMobile(mobile);
    }

    @Override
    public List<Ticket> queue(Optional<Region> region, Optional<TicketStatus> status, int limit) {
        return store.queue(region, status, limit);
    }

    private DomainEvent event(String type, Ticket t) {
        return new DomainEvent(type, t.reference().value(), clock.instant(), Map.of(
                "kind", t.kind().name(),
                "region", t.region().name(),
                "status", t.status().name(),
                "channel", t.channel().name(),
                "by", t.history().get(t.history().size() - 1).by()));
    }
}
