package sa.civilaffairs.cc.ivr.hotline;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import sa.civilaffairs.cc.booking.AppointmentBook;
import sa.civilaffairs.cc.events.EventLog;
import sa.civilaffairs.cc.feedback.Tickets;
import sa.civilaffairs.cc.lost.LostReports;
import sa.civilaffairs.cc.notify.Notifier;
import sa.civilaffairs.cc.office.OfficeCatalogue;
import sa.civilaffairs.cc.reference.References;
import sa.civilaffairs.cc.registry.CivilRegistry;
import sa.civilaffairs.cc.visit.VisitRequests;

/**
 * What the hotline's menus use from {@code core}. The case stores are optional: without them the Taqdeer, lost and
 * status options of the main menu go to an agent with the intent set. All thread-safe (shared by every call).
 */
public record HotlineServices(AppointmentBook book, OfficeCatalogue catalogue, CivilRegistry registry,
                              Optional<VisitRequests> visits, Optional<LostReports> lost, Optional<Tickets> tickets,
                              Notifier notifier, References references, EventLog events, Clock clock) {
    public HotlineServices {
        Objects.requireNonNull(book, "book");
        Objects.requireNonNull(catalogue, "catalogue");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(visits, "visits (expected: Optional.empty() when not deployed)");
        Objects.requireNonNull(lost, "lost (expected: Optional.empty() when not deployed)");
        Objects.requireNonNull(tickets, "tickets (expected: Optional.empty() when not deployed)");
        Objects.requireNonNull(notifier, "notifier");
        Objects.requireNonNull(references, "references");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(clock, "clock");
    }
}
