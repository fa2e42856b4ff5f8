package sa.civilaffairs.cc.console;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import sa.civilaffairs.cc.booking.AppointmentBook;
import sa.civilaffairs.cc.console.appointments.AppointmentDesk;
import sa.civilaffairs.cc.console.appointments.AppointmentHistory;
import sa.civilaffairs.cc.console.appointments.AppointmentsApi;
import sa.civilaffairs.cc.console.appointments.AppointmentsFeature;
import sa.civilaffairs.cc.console.audit.AuditLog;
import sa.civilaffairs.cc.console.person.PersonHistory;
import sa.civilaffairs.cc.console.visits.VisitDesk;
import sa.civilaffairs.cc.console.visits.VisitHistory;
import sa.civilaffairs.cc.console.visits.VisitsApi;
import sa.civilaffairs.cc.console.visits.VisitsFeature;
import sa.civilaffairs.cc.notify.Notifier;
import sa.civilaffairs.cc.office.OfficeCatalogue;
import sa.civilaffairs.cc.registry.CivilRegistry;
import sa.civilaffairs.cc.visit.VisitRequests;

/**
 * The console's case work on core's stores: appointments, Taqdeer requests (more as they come). Each store added
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
    private final List<sa.civilaffairs.cc.console.web.ConsoleFeature> features = new ArrayList<>();
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
    public static CaseFeatures onRedis(redis.clients.jedis.UnifiedJedis redis, CivilRegistry registry,
                                       java.nio.file.Path configDir, Clock clock) {
        var templates = sa.civilaffairs.cc.notify.YamlMessageTemplates.load(configDir);
        var calendar = new sa.civilaffairs.cc.office.SlotCalendar(
                sa.civilaffairs.cc.office.CatalogueLoader.load(configDir));
        var references = new sa.civilaffairs.cc.reference.redis.RedisReferences(redis);
        var events = new sa.civilaffairs.cc.events.redis.RedisEventLog(redis);
        return new CaseFeatures(registry, new sa.civilaffairs.cc.notify.OutboxNotifier(templates,
                new sa.civilaffairs.cc.outbox.redis.RedisOutbox(redis), clock),
                new sa.civilaffairs.cc.console.audit.redis.RedisAuditLog(redis), clock)
                .appointments(new sa.civilaffairs.cc.booking.redis.RedisAppointmentBook(redis, calendar, references,
                        events, clock), calendar.catalogue())
                .visits(new sa.civilaffairs.cc.visit.redis.RedisVisitRequests(redis, references, events, clock))
                .tickets(new sa.civilaffairs.cc.feedback.redis.RedisTickets(redis, references, events, clock),
                        new sa.civilaffairs.cc.lost.redis.RedisLostReports(redis, references, events, clock), templates)
                .history(new sa.civilaffairs.cc.console.person.redis.RedisSmsHistory(redis));
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

    public CaseFeatures tickets(sa.civilaffairs.cc.feedback.Tickets tickets, sa.civilaffairs.cc.lost.LostReports lost,
                                sa.civilaffairs.cc.notify.MessageTemplates templates) {
        var desk = new sa.civilaffairs.cc.console.tickets.TicketDesk(tickets, lost, notifier, templates, audit);
        features.add(new sa.civilaffairs.cc.console.tickets.TicketsFeature(
                new sa.civilaffairs.cc.console.tickets.TicketsApi(desk, registry)));
        histories.add(new sa.civilaffairs.cc.console.tickets.CaseHistory(tickets, lost));
        return this;
    }

    /** Extra history sources (tickets, lost reports, SMS). */
    public CaseFeatures history(PersonHistory history) {
        histories.add(history);
        return this;
    }

    public ConsoleServer installInto(ConsoleServer server) {
        features.forEach(server::feature);
        return server.history(PersonHistory.combine(histories));
    }
}
