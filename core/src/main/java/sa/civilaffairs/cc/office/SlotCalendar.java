package sa.civilaffairs.cc.office;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import sa.civilaffairs.cc.booking.SlotKey;
import sa.civilaffairs.cc.booking.SlotSupply;

/**
 * The slots the catalogue makes available: on a date, a section's working periods (hours minus breaks) cut into
 * slot-length pieces, unless the section does not work that weekday (Friday always; Saturday except women's sections
 * that open then), an official holiday closes all offices, or a closure shuts the office or the section.
 * <p>
 * All dates and times are Asia/Riyadh local. It never reads the system clock: callers pass dates, or a {@link Clock}
 * to {@link #today(Clock)}. Starts of today that have already passed are still listed; the booking side filters them.
 * Immutable and thread-safe.
 */
public final class SlotCalendar implements SlotSupply {

    /** The time zone of every office (UTC+3, no daylight saving). */
    public static final ZoneId ZONE = ZoneId.of("Asia/Riyadh");

    /** How far {@link #openDays} looks ahead before giving up, in days. */
    public static final int HORIZON_DAYS = 366;

    private final OfficeCatalogue catalogue;
    /** The starts of each section plan by weekday, cut once: every free-slot query and booking asks for them. */
    private final Map<WeekdayPlan, List<LocalTime>> startsByWeekday = new ConcurrentHashMap<>();

    private record WeekdayPlan(OfficeId office, Section section, CivilService service, DayOfWeek day) {
    }

    public SlotCalendar(OfficeCatalogue catalogue) {
        if (catalogue == null) {
            throw new IllegalArgumentException("slot calendar: catalogue is required");
        }
        this.catalogue = catalogue;
    }

    /** Today's date in Riyadh by {@code clock}. */
    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }

    /** The Riyadh local date and time by {@code clock}. */
    public static LocalDateTime now(Clock clock) {
        return LocalDateTime.now(clock.withZone(ZONE));
    }

    public OfficeCatalogue catalogue() {
        return catalogue;
    }

    /** Whether {@code service} can be booked at that office section on {@code date}, and if not, why. */
    public Availability availability(OfficeId office, Section section, CivilService service, LocalDate date) {
        Optional<Office> found = catalogue.office(office);
        Optional<SectionPlan> plan = found.flatMap(o -> o.section(section));
        if (plan.isEmpty() || !plan.get().offers(service)) {
            return new Availability.NotOffered();
        }
        Optional<Holiday> holiday = catalogue.holiday(date);
        if (holiday.isPresent()) {
            return new Availability.OnHoliday(holiday.get());
        }
        Optional<Closure> closure = found.get().closure(date, section);
        if (closure.isPresent()) {
            return new Availability.Closed(closure.get());
        }
        SectionPlan sectionPlan = plan.get();
        List<LocalTime> starts = startsByWeekday.computeIfAbsent(
                new WeekdayPlan(office, section, service, date.getDayOfWeek()),
                key -> List.copyOf(sectionPlan.starts(service, key.day())));
        return starts.isEmpty() ? new Availability.NotWorkingDay(date.getDayOfWeek()) : new Availability.Open(starts);
    }

    @Override
    public List<LocalTime> starts(OfficeId office, Section section, CivilService service, LocalDate date) {
        return availability(office, section, service, date) instanceof Availability.Open open ? open.starts() : List.of();
    }

    @Override
    public OptionalInt capacity(SlotKey slot) {
        if (!starts(slot.office(), slot.section(), slot.service(), slot.date()).contains(slot.start())) {
            return OptionalInt.empty();
        }
        return catalogue.offer(slot.office(), slot.section(), slot.service())
                .map(offer -> OptionalInt.of(offer.capacityPerSlot()))
                .orElseGet(OptionalInt::empty);
    }

    /**
     * The next {@code count} dates, from {@code from} inclusive, on which the section has slots for the service;
     * fewer when fewer exist within {@link #HORIZON_DAYS} (none when the service is not offered there).
     */
    public List<LocalDate> openDays(OfficeId office, Section section, CivilService service, LocalDate from, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count " + count + " (expected: 0 or more)");
        }
        List<LocalDate> days = new ArrayList<>(count);
        if (catalogue.offer(office, section, service).isEmpty()) {
            return days;
        }
        for (int i = 0; i < HORIZON_DAYS && days.size() < count; i++) {
            LocalDate date = from.plusDays(i);
            if (availability(office, section, service, date) instanceof Availability.Open) {
                days.add(date);
            }
        }
        return days;
    }
}
