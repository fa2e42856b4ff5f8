package sa.civilaffairs.cc.booking.redis;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import redis.clients.jedis.UnifiedJedis;
import sa.civilaffairs.cc.booking.Appointment;
import sa.civilaffairs.cc.booking.BookingOutcome;
import sa.civilaffairs.cc.booking.BookingRequest;
import sa.civilaffairs.cc.booking.SlotKey;
import sa.civilaffairs.cc.calendar.RiyadhTime;
import sa.civilaffairs.cc.channel.Channel;
import sa.civilaffairs.cc.config.ConfigDirectory;
import sa.civilaffairs.cc.events.DomainEvent;
import sa.civilaffairs.cc.events.redis.RedisEventLog;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.identity.NationalId;
import sa.civilaffairs.cc.office.CatalogueLoader;
import sa.civilaffairs.cc.office.CivilService;
import sa.civilaffairs.cc.office.OfficeCatalogue;
import sa.civilaffairs.cc.office.OfficeId;
import sa.civilaffairs.cc.office.Section;
import sa.civilaffairs.cc.office.SlotCalendar;
import sa.civilaffairs.cc.reference.redis.RedisReferences;

/** The shipped catalogue, a fixed clock and helpers shared by the appointment book ITs. */
final class BookFixture {
    /** Sunday 6 December 2026, 09:00 in Riyadh. */
    static final LocalDateTime NOW = LocalDateTime.of(2026, 12, 6, 9, 0);
    static final Clock CLOCK = RiyadhTime.fixedAt(NOW);
    static final LocalDate TODAY = NOW.toLocalDate();
    /** Monday: RUH-01 men's section works 07:30-14:30 and 16:00-21:00. */
    static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);
    static final LocalDate TUESDAY = LocalDate.of(2026, 12, 8);
    static final LocalDate FRIDAY = LocalDate.of(2026, 12, 11);
    static final OfficeId MALAZ = new OfficeId("RUH-01");
    /** RUH-01 men: ID renewal takes 6 people per 10-minute slot. */
    static final int RENEWAL_CAPACITY = 6;

    static final SlotCalendar CALENDAR;

    static {
        OfficeCatalogue catalogue = CatalogueLoader.load(ConfigDirectory.locate());
        CALENDAR = new SlotCalendar(catalogue);
    }

    private BookFixture() {
    }

    static RedisAppointmentBook book(UnifiedJedis redis) {
        return new RedisAppointmentBook(redis, CALENDAR, new RedisReferences(redis), new RedisEventLog(redis), CLOCK);
    }

    static RedisAppointmentBook book(UnifiedJedis redis, Duration grace) {
        return new RedisAppointmentBook(redis, CALENDAR, new RedisReferences(redis), new RedisEventLog(redis), CLOCK,
                grace);
    }

    static SlotKey renewal(LocalDate date, String start) {
        return new SlotKey(MALAZ, Section.MEN, CivilService.ID_RENEWAL, date, LocalTime.parse(start));
    }

    static SlotKey slot(CivilService service, LocalDate date, String start) {
        return new SlotKey(MALAZ, Section.MEN, service, date, LocalTime.parse(start));
    }

    /** The n-th test person: a valid national ID that no real person is likely to hold. */
    static NationalId person(int n) {
        String nine = String.format("10%07d", n);
        return new NationalId(nine + NationalId.luhnCheckDigit(nine));
    }

    static BookingRequest request(SlotKey slot, NationalId person, String key) {
        return new BookingRequest(slot, person, Optional.of(new Mobile("966500000001")), Channel.SMS, key);
    }

    static Appointment booked(BookingOutcome outcome) {
        if (outcome instanceof BookingOutcome.Booked b) {
            return b.appointment();
        }
        throw new AssertionError("expected Booked, got " + outcome);
    }

    static BookingOutcome.Refusal refusal(BookingOutcome outcome) {
        if (outcome instanceof BookingOutcome.Refused r) {
            return r.reason();
        }
        throw new AssertionError("expected Refused, got " + outcome);
    }

    /** Places taken in the slot by bookings, as the counter says. */
    static int used(UnifiedJedis redis, SlotKey slot) {
        String value = redis.hget(BookingKeys.Place.of(slot).used(), BookingKeys.slotField(slot));
        return value == null ? 0 : Integer.parseInt(value);
    }

    static int free(RedisAppointmentBook book, SlotKey slot) {
        return book.freeSlots(slot.office(), slot.section(), slot.service(), slot.date()).stream()
                .filter(f -> f.start().equals(slot.start())).mapToInt(f -> f.free()).findFirst().orElse(0);
    }

    static List<DomainEvent> events(UnifiedJedis redis) {
        return redis.xrange(RedisEventLog.STREAM, "-", "+").stream()
                .map(e -> DomainEvent.fromFields(e.getFields())).toList();
    }

    /** Polls {@code condition} until it holds or {@code limit} passes. */
    static void await(Duration limit, BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + limit + ": " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }
}
