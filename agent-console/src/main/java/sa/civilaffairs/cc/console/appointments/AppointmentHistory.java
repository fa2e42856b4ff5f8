package sa.civilaffairs.cc.console.appointments;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import sa.civilaffairs.cc.booking.Appointment;
import sa.civilaffairs.cc.booking.AppointmentBook;
import sa.civilaffairs.cc.console.person.HistoryItem;
import sa.civilaffairs.cc.console.person.PersonHistory;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.identity.NationalId;
import sa.civilaffairs.cc.office.OfficeCatalogue;
import sa.civilaffairs.cc.text.Language;

/** The person card's appointments, from the appointment book. */
public final class AppointmentHistory implements PersonHistory {
    private final AppointmentBook book;
    private final OfficeCatalogue catalogue;

    public AppointmentHistory(AppointmentBook book, OfficeCatalogue catalogue) {
        this.book = book;
        this.catalogue = catalogue;
    }

    @Override
    public List<HistoryItem> of(NationalId person, int limit) {
        return book.of(person).stream().limit(limit).map(this::item).toList();
    }

    private HistoryItem item(Appointment a) {
        String office = catalogue.office(a.slot().office()).map(o -> o.name(Language.AR)).orElse(a.slot().office().value());
        return new HistoryItem(HistoryItem.Kind.APPOINTMENT, Optional.of(a.reference()), a.status().name(),
                a.bookedAt(), a.slot().service().name(Language.AR) + " · " + office + " · " + a.slot().date() + " "
                + AppointmentDesk.hhmm(a.slot().start()));
    }

    /** The book is not indexed by mobile; lookups by mobile rely on the console's mobile index. */
    @Override
    public Set<NationalId> idsByMobile(Mobile mobile) {
        return Set.of();
    }
}
