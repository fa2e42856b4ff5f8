package sa.civilaffairs.cc.console;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;
import sa.civilaffairs.cc.booking.AppointmentBook;
import sa.civilaffairs.cc.booking.redis.RedisAppointmentBook;
import sa.civilaffairs.cc.console.appointments.AppointmentDesk;
import sa.civilaffairs.cc.console.appointments.AppointmentHistory;
import sa.civilaffairs.cc.console.appointments.AppointmentsApi;
import sa.civilaffairs.cc.console.appointments.AppointmentsFeature;
import sa.civilaffairs.cc.console.audit.AuditLog;
import sa.civilaffairs.cc.console.audit.redis.RedisAuditLog;
import sa.civilaffairs.cc.console.person.PersonHistory;
import sa.civilaffairs.cc.console.person.redis.RedisSmsHistory;
import sa.civilaffairs.cc.console.tickets.CaseHistory;
import sa.civilaffairs.cc.console.tickets.TicketDesk;
import sa.civilaffairs.cc.console.tickets.TicketsApi;
import sa.civilaffairs.cc.console.tickets.TicketsFeature;
import sa.civilaffairs.cc.console.visits.VisitDesk;
import sa.civilaffairs.cc.console.visits.VisitHistory;
import sa.civilaffairs.cc.console.visits.VisitsApi;
import sa.civilaffairs.cc.console.visits.VisitsFeature;
import sa.civilaffairs.cc.console.web.ConsoleFeature;
import sa.civilaffairs.cc.events.redis.RedisEventLog;
import sa.civilaffairs.cc.feedback.Tickets;
import sa.civilaffairs.cc.feedback.redis.RedisTickets;
import sa.civilaffairs.cc.lost.LostReports;
import sa.civilaffairs.cc.lost.redis.RedisLostReports;
import sa.civilaffairs.cc.notify.MessageTemplates;
import sa.civilaffairs.cc.notify.Notifier;
import sa.civilaffairs.cc.notify.OutboxNotifier;
import sa.civilaffairs.cc.notify.YamlMessageTemplates;
import sa.civilaffairs.cc.office.CatalogueLoader;
import sa.civilaffairs.cc.office.OfficeCatalogue;
import sa.civilaffairs.cc.office.SlotCalendar;
import sa.civilaffairs.cc.outbox.redis.RedisOutbox;
import sa.civilaffairs.cc.reference.redis.RedisReferences;
import sa.civilaffairs.cc.registry.CivilRegistry;
import sa.civilaffairs.cc.visit.VisitRequests;
import sa.civilaffairs.cc.visit.redis.RedisVisitRequests;

/**
 * The console's case work on core's stores: appointments, Taqdeer requests, Tahseen tickets and lost reports. Each store added
 * mounts its screen and API and feeds the person card's history; {@link #installInto} hands them to the server.
 *
 * <pre>{@code
 * ConsoleServer console = CaseFeatures.onRedis(redis, registry, Path.of("config"), Clock.systemUTC())
 *         .installInto(new ConsoleServer());
 * console.start(ConsoleConfig.load(Path.of("config")), redis, registry);
 * }</pre>
 */
public final class CaseFeatures {
    private final CivilRegistry registry;
    private final Notifier notifier;
    private final AuditLog audit;
    private final Clock clock;
    private final List<ConsoleFeature> features = new ArrayList<>();
    private final List<PersonHistory> histories = new ArrayList<>();

    public CaseFeatures(CivilRegistry registry, Notifier notifier, AuditLog audit, Clock clock) {
        this.registry = registry;
        this.notifier = notifier;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Every case store on {@code redis} (core's Redis implementations), SMS through the outbox with the templates of
     * {@code configDir/messages}, offices from {@code configDir}: what production and dev mode run.
     */
    public static CaseFeatures onRedis(UnifiedJedis redis, CivilRegistry registry, Path configDir, Clock clock) {
        var templates = YamlMessageTemplates.load(configDir);
        var calendar = new SlotCalendar(CatalogueLoader.load(configDir));
        var references = new RedisReferences(redis);
        var events = new RedisEventLog(redis);
        return new CaseFeatures(registry, new OutboxNotifier(templates, new RedisOutbox(redis), clock),
                new RedisAuditLog(redis), clock)
                .appointments(new RedisAppointmentBook(redis, calendar, references, events, clock),
                        calendar.catalogue())
                .visits(new RedisVisitRequests(redis, references, events, clock))
                .tickets(new RedisTickets(redis, references, events, clock),
                        new RedisLostReports(redis, references, events, clock), templates)
                .history(new RedisSmsHistory(redis));
    }

    public CaseFeatures appointments(AppointmentBook book, OfficeCatalogue catalogue) {
        AppointmentDesk desk = new AppointmentDesk(book, catalogue, notifier, audit, clock);
        features.add(new AppointmentsFeature(new AppointmentsApi(desk, registry)));
        histories.add(new AppointmentHistory(book, catalogue));
        return this;
    }

    public CaseFeatures visits(VisitRequests requests) {
        features.add(new VisitsFeature(new VisitsApi(new VisitDesk(requests, notifier, audit, clock), registry, audit)));
        histories.add(new VisitHistory(requests));
        return this;
    }

    /** Tahseen tickets and lost-document reports; {@code templates} words the ticket statuses in the SMS. */
    public CaseFeatures tickets(Tickets tickets, LostReports lost, MessageTemplates templates) {
        features.add(new TicketsFeature(new TicketsApi(new TicketDesk(tickets, lost, notifier, templates, audit),
                registry)));
        histories.add(new CaseHistory(tickets, lost));
        return this;
    }

    /** Extra history sources (the SMS streams). */
    public CaseFeatures history(PersonHistory history) {
        histories.add(history);
        return this;
    }

    public ConsoleServer installInto(ConsoleServer server) {
        features.forEach(server::feature);
        return server.history(PersonHistory.combine(histories));
    }
}
