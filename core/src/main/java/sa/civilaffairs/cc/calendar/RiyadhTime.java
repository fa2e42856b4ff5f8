package sa.civilaffairs.cc.calendar;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The product's one time zone, Asia/Riyadh (UTC+3, no daylight saving). Code that needs "now" takes a {@link Clock}
 * and asks it here, so tests pass a fixed clock; the clock's own zone does not matter, only its instant.
 */
public final class RiyadhTime {
    public static final ZoneId ZONE = ZoneId.of("Asia/Riyadh");

    private RiyadhTime() {
    }

    /** The real clock, in Riyadh time. */
    public static Clock systemClock() {
        return Clock.system(ZONE);
    }

    /** A clock stopped at {@code riyadhLocal} wall-clock time in Riyadh; for tests and demos. */
    public static Clock fixedAt(LocalDateTime riyadhLocal) {
        return Clock.fixed(riyadhLocal.atZone(ZONE).toInstant(), ZONE);
    }

    public static ZonedDateTime now(Clock clock) {
        return clock.instant().atZone(ZONE);
    }

    /** Wall-clock date and time in Riyadh. */
    public static LocalDateTime localNow(Clock clock) {
        return now(clock).toLocalDateTime();
    }

    public static LocalDate today(Clock clock) {
        return now(clock).toLocalDate();
    }

    /** Riyadh wall-clock time of {@code instant}. */
    public static LocalDateTime local(Instant instant) {
        return instant.atZone(ZONE).toLocalDateTime();
    }

    /** The instant of a Riyadh wall-clock time (always unambiguous: Riyadh has no daylight saving). */
    public static Instant instant(LocalDateTime riyadhLocal) {
        return riyadhLocal.atZone(ZONE).toInstant();
    }

    /**
     * Friday and Saturday, the weekend. Offices' own plans (women's sections open on Saturday, holidays) are the
     * office catalogue's business, not this.
     */
    public static boolean isWeekend(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day == DayOfWeek.FRIDAY || day == DayOfWeek.SATURDAY;
    }
}
