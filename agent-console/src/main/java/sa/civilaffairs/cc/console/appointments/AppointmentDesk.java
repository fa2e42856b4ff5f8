package sa.civilaffairs.cc.console.appointments;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sa.civilaffairs.cc.booking.Appointment;
import sa.civilaffairs.cc.booking.AppointmentBook;
import sa.civilaffairs.cc.booking.BookingOutcome;
import sa.civilaffairs.cc.booking.BookingRequest;
import sa.civilaffairs.cc.booking.FreeSlot;
import sa.civilaffairs.cc.booking.SlotKey;
import sa.civilaffairs.cc.calendar.CitizenDates;
import sa.civilaffairs.cc.channel.Channel;
import sa.civilaffairs.cc.console.audit.Actor;
import sa.civilaffairs.cc.console.audit.AuditAction;
import sa.civilaffairs.cc.console.audit.AuditLog;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.identity.NationalId;
import sa.civilaffairs.cc.notify.Notifier;
import sa.civilaffairs.cc.office.CivilService;
import sa.civilaffairs.cc.office.Office;
import sa.civilaffairs.cc.office.OfficeCatalogue;
import sa.civilaffairs.cc.office.OfficeId;
import sa.civilaffairs.cc.office.Region;
import sa.civilaffairs.cc.office.Section;
import sa.civilaffairs.cc.office.SlotCalendar;
import sa.civilaffairs.cc.outbox.Lane;
import sa.civilaffairs.cc.reference.Reference;
import sa.civilaffairs.cc.text.Language;

/**
 * Appointments an agent books, moves and cancels on a caller's behalf: the same {@link AppointmentBook} as SMS and
 * IVR (so the same no-overbooking rules), every change audited, the citizen told by SMS. Thread-safe; blocking.
 */
public final class AppointmentDesk {
    public static final AuditAction BOOK = new AuditAction("APPOINTMENT_BOOK");
    public static final AuditAction RESCHEDULE = new AuditAction("APPOINTMENT_RESCHEDULE");
    public static final AuditAction CANCEL = new AuditAction("APPOINTMENT_CANCEL");
    public static final AuditAction VIEW = new AuditAction("APPOINTMENT_VIEW");
    /** How many bookable days the day picker offers. */
    public static final int DAYS_SHOWN = 14;

    private static final Logger log = LoggerFactory.getLogger(AppointmentDesk.class);

    private final AppointmentBook book;
    private final OfficeCatalogue catalogue;
    private final Notifier notifier;
    private final AuditLog audit;
    private final Clock clock;

    public AppointmentDesk(AppointmentBook book, OfficeCatalogue catalogue, Notifier notifier, AuditLog audit,
                           Clock clock) {
        this.book = book;
        this.catalogue = catalogue;
        this.notifier = notifier;
        this.audit = audit;
        this.clock = clock;
    }

    public OfficeCatalogue catalogue() {
        return catalogue;
    }

    public LocalDate today() {
        return SlotCalendar.today(clock);
    }

    public List<Region> regions(CivilService service) {
        return catalogue.regionsOffering(service);
    }

    public List<Office> offices(CivilService service, Region region) {
        return catalogue.offering(service, region);
    }

    public List<Section> sections(OfficeId office, CivilService service) {
        return catalogue.sectionsOffering(office, service);
    }

    public List<LocalDate> days(OfficeId office, Section section, CivilService service) {
        return book.daysWithFreeSlots(office, section, service, today(), DAYS_SHOWN);
    }

    public List<FreeSlot> slots(OfficeId office, Section section, CivilService service, LocalDate date) {
        return book.freeSlots(office, section, service, date);
    }

    /** What a change did: the outcome, and whether the citizen's SMS was queued. */
    public record Change(BookingOutcome outcome, boolean smsQueued) {
    }

    /**
     * Books {@code slot} for {@code person}. The audit entry is written before the book is touched (if it cannot be
     * written nothing is booked); the SMS goes to {@code contact} when the booking is new.
     */
    public Change book(Actor actor, SlotKey slot, NationalId person, Optional<Mobile> contact, String formToken,
                       Language smsLanguage) {
        audit.append(actor.did(BOOK, Optional.of(person), describe(slot)));
        java.time.Instant started = clock.instant().minusMillis(1);
        BookingOutcome outcome = book.book(new BookingRequest(slot, person, contact, Channel.CONSOLE,
                key(actor, formToken)));
        boolean sms = false;
        // A replayed form (same token) gets the first answer back; the citizen already had that SMS.
        if (outcome instanceof BookingOutcome.Booked b && !b.appointment().bookedAt().isBefore(started)) {
            sms = tell(b.appointment(), "appointment.confirmed", smsLanguage);
        }
        return new Change(outcome, sms);
    }

    public Change reschedule(Actor actor, Reference reference, SlotKey slot, NationalId person,
                             Optional<Mobile> contact, String formToken, Language smsLanguage) {
        audit.append(actor.did(RESCHEDULE, Optional.of(person), reference.value() + " → " + describe(slot)));
        // Without a new number the SMS keeps going where the booking's confirmation went.
        Optional<Mobile> keep = contact.isPresent() ? contact
                : book.find(reference).filter(a -> a.person().equals(person)).flatMap(Appointment::contact);
        BookingOutcome outcome = book.reschedule(reference, new BookingRequest(slot, person, keep,
                Channel.CONSOLE, key(actor, formToken)));
        boolean sms = false;
        if (outcome instanceof BookingOutcome.Booked b) {
            sms = tell(b.appointment(), "appointment.rescheduled", smsLanguage);
        }
        return new Change(outcome, sms);
    }

    public Change cancel(Actor actor, Reference reference, NationalId person, Language smsLanguage) {
        audit.append(actor.did(CANCEL, Optional.of(person), reference.value()));
        BookingOutcome outcome = book.cancel(reference, person, Channel.CONSOLE);
        boolean sms = false;
        if (outcome instanceof BookingOutcome.Booked b) {
            sms = tell(b.appointment(), "appointment.cancelled", smsLanguage);
        }
        return new Change(outcome, sms);
    }

    /** The person's appointments, newest first; audited as a view of their data. */
    public List<Appointment> of(Actor actor, NationalId person) {
        audit.append(actor.did(VIEW, Optional.of(person), "appointments"));
        return book.of(person);
    }

    /** The office's name in {@code language}, or its id when the catalogue no longer lists it. */
    public String officeName(OfficeId office, Language language) {
        return catalogue.office(office).map(o -> o.name(language)).orElse(office.value());
    }

    private boolean tell(Appointment a, String template, Language language) {
        if (a.contact().isEmpty()) {
            return false;
        }
        try {
            notifier.send(a.contact().get(), Lane.NOTIFICATION, template, language, Map.of(
                    "ref", a.reference().value(),
                    "office", officeName(a.slot().office(), language),
                    "date", CitizenDates.date(a.slot().date(), language),
                    "time", CitizenDates.time(a.slot().start())));
            return true;
        } catch (RuntimeException e) {
            // The appointment stands (it is the citizen's); the agent is told the SMS did not go and can read it out.
            log.warn("SMS {} for appointment {} not queued: {}", template, a.reference().value(), e.toString());
            return false;
        }
    }

    private static String key(Actor actor, String formToken) {
        return "console:" + actor.username() + ":" + formToken;
    }

    private static String describe(SlotKey s) {
        return s.service() + " " + s.office().value() + " " + s.section() + " " + s.date() + " " + s.start();
    }

    /** A slot start as the page shows and sends it. */
    public static String hhmm(LocalTime t) {
        return CitizenDates.time(t);
    }
}
