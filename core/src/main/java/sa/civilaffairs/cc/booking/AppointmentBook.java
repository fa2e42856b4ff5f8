package sa.civilaffairs.cc.booking;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import sa.civilaffairs.cc.channel.Channel;
import sa.civilaffairs.cc.identity.NationalId;
import sa.civilaffairs.cc.office.CivilService;
import sa.civilaffairs.cc.office.OfficeId;
import sa.civilaffairs.cc.office.Section;
import sa.civilaffairs.cc.reference.Reference;

/**
 * The appointment book shared by SMS, IVR and console. Every change is one atomic step: a slot never holds more
 * appointments plus live holds than its capacity, whatever the concurrency, and a person holds at most one active
 * appointment per service. Thread-safe; calls block on Redis (never call from an event loop).
 */
public interface AppointmentBook {

    /** Slots of the day with free places, ascending, excluding slots already started (Riyadh time). */
    List<FreeSlot> freeSlots(OfficeId office, Section section, CivilService service, LocalDate date);

    /** Up to {@code count} days from {@code from} (inclusive) that have at least one free slot, ascending. */
    List<LocalDate> daysWithFreeSlots(OfficeId office, Section section, CivilService service, LocalDate from,
                                      int count);

    /** Keeps one place of the slot for the person for {@code ttl}; {@code Held} or {@code Refused}. */
    BookingOutcome hold(SlotKey slot, NationalId person, Duration ttl);

    /** Turns a live hold into an appointment; {@code Booked} or {@code Refused(HOLD_EXPIRED|ALREADY_BOOKED)}. */
    BookingOutcome confirm(Hold hold, BookingRequest request);

    /** Gives the held place back at once (caller hung up, said no, went silent). Unknown or lapsed holds are ignored. */
    void release(Hold hold);

    /** Books directly without a hold; {@code Booked} or {@code Refused}. Retries with the same key return the first outcome. */
    BookingOutcome book(BookingRequest request);

    /** Moves an active appointment to {@code request.slot()}: the old place is freed only if the new one is taken. */
    BookingOutcome reschedule(Reference reference, BookingRequest request);

    /** Cancels an active appointment of {@code person}; {@code Booked} with the cancelled appointment or {@code Refused}. */
    BookingOutcome cancel(Reference reference, NationalId person, Channel channel);

    Optional<Appointment> find(Reference reference);

    /** The person's appointments, newest first, active and cancelled. */
    List<Appointment> of(NationalId person);
}
