package sa.civilaffairs.cc.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RiyadhTimeTest {

    @Test
    void riyadhIsUtcPlusThreeAllYear() {
        for (int month = 1; month <= 12; month++) {
            Instant instant = LocalDateTime.of(2026, month, 15, 12, 0).toInstant(ZoneOffset.UTC);
            assertEquals(ZoneOffset.ofHours(3), RiyadhTime.ZONE.getRules().getOffset(instant));
        }
    }

    @Test
    void todayIsTheRiyadhDateWhateverTheClocksZone() {
        Clock utc = Clock.fixed(Instant.parse("2026-11-21T21:30:00Z"), ZoneOffset.UTC);
        assertEquals(LocalDate.of(2026, 11, 22), RiyadhTime.today(utc));
        assertEquals(LocalDateTime.of(2026, 11, 22, 0, 30), RiyadhTime.localNow(utc));
        assertEquals(RiyadhTime.ZONE, RiyadhTime.now(utc).getZone());
    }

    @Test
    void aFixedClockStandsAtTheRiyadhWallClockTime() {
        Clock clock = RiyadhTime.fixedAt(LocalDateTime.of(2026, 11, 22, 9, 30));
        assertEquals(Instant.parse("2026-11-22T06:30:00Z"), clock.instant());
        assertEquals(LocalDateTime.of(2026, 11, 22, 9, 30), RiyadhTime.localNow(clock));
    }

    @Test
    void localAndInstantAreInverse() {
        LocalDateTime local = LocalDateTime.of(2026, 3, 29, 2, 30); // a DST-change night elsewhere, not here
        assertEquals(local, RiyadhTime.local(RiyadhTime.instant(local)));
        assertEquals(Instant.parse("2026-03-28T23:30:00Z"), RiyadhTime.instant(local));
    }

    @Test
    void theWeekendIsFridayAndSaturday() {
        LocalDate sunday = LocalDate.of(2026, 11, 22);
        for (int i = 0; i < 5; i++) {
            assertFalse(RiyadhTime.isWeekend(sunday.plusDays(i)), sunday.plusDays(i).getDayOfWeek().toString());
        }
        assertTrue(RiyadhTime.isWeekend(sunday.plusDays(5)));
        assertTrue(RiyadhTime.isWeekend(sunday.plusDays(6)));
    }

    @Test
    void theSystemClockIsInRiyadh() {
        assertEquals(RiyadhTime.ZONE, RiyadhTime.systemClock().getZone());
    }
}
