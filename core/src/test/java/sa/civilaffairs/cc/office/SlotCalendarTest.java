package sa.civilaffairs.cc.office;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import sa.civilaffairs.cc.booking.SlotKey;
import sa.civilaffairs.cc.booking.SlotSupply;

class SlotCalendarTest {

    private static final OfficeId MALAZ = new OfficeId("RUH-01");
    private static final LocalDate SUNDAY = LocalDate.of(2026, 11, 22);
    private static final LocalDate FRIDAY = LocalDate.of(2026, 11, 27);
    private static final LocalDate SATURDAY = LocalDate.of(2026, 11, 28);
    private static final LocalDate NATIONAL_DAY = LocalDate.of(2026, 9, 23);
    private static final LocalDate SYSTEMS_UPGRADE = LocalDate.of(2026, 12, 3);

    private final OfficeCatalogue catalogue = new OfficeCatalogue(List.of(malaz()), List.of(
            new Holiday(new Bilingual("اليوم الوطني", "National Day"), NATIONAL_DAY, NATIONAL_DAY)));
    private final SlotCalendar calendar = new SlotCalendar(catalogue);

    private static Office malaz() {
        SectionPlan men = new SectionPlan(Section.MEN,
                new WorkingWeek(weekdays(ranges("07:30-14:30", "16:00-21:00")), ranges("12:00-12:30", "18:00-18:30")),
                offers(ServiceOffer.of(CivilService.ID_RENEWAL, 30, 3),
                        ServiceOffer.of(CivilService.FAMILY_RECORD_ISSUE, 45, 2)));
        Map<DayOfWeek, List<TimeRange>> womenHours = new java.util.EnumMap<>(weekdays(ranges("07:30-14:30")));
        womenHours.put(DayOfWeek.SATURDAY, ranges("08:00-13:00"));
        SectionPlan women = new SectionPlan(Section.WOMEN, new WorkingWeek(womenHours, ranges("12:00-12:30")),
                offers(ServiceOffer.of(CivilService.ID_RENEWAL, 20, 2)));
        return new Office(MALAZ, Region.RIYADH,
                new Bilingual("مكتب الأحوال المدنية بحي الملز", "Civil Affairs Office – Al-Malaz"),
                new Bilingual("الرياض", "Riyadh"),
                Map.of(Section.MEN, men, Section.WOMEN, women),
                List.of(Closure.wholeOffice(SYSTEMS_UPGRADE, SYSTEMS_UPGRADE, new Bilingual("تحديث الأنظمة", "Systems upgrade")),
                        new Closure(LocalDate.of(2026, 12, 13), LocalDate.of(2026, 12, 17), EnumSet.of(Section.WOMEN),
                                new Bilingual("صيانة قسم النساء", "Women's section maintenance"))));
    }

    private static List<TimeRange> ranges(String... texts) {
        return Arrays.stream(texts).map(TimeRange::parse).toList();
    }

    private static Map<DayOfWeek, List<TimeRange>> weekdays(List<TimeRange> ranges) {
        return List.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY)
                .stream().collect(Collectors.toMap(Function.identity(), d -> ranges));
    }

    private static Map<CivilService, ServiceOffer> offers(ServiceOffer... offers) {
        return Arrays.stream(offers).collect(Collectors.toMap(ServiceOffer::service, Function.identity()));
    }

    private static List<LocalTime> times(String... texts) {
        return Arrays.stream(texts).map(LocalTime::parse).toList();
    }

    @Test
    void workingPeriodsMinusBreaksAreCutIntoWholeSlots() {
        assertEquals(times("07:30", "08:15", "09:00", "09:45", "10:30", "11:15", // 07:30-12:00
                        "12:30", "13:15",                                         // 12:30-14:30, 14:00 would overrun
                        "16:00", "16:45",                                         // 16:00-18:00
                        "18:30", "19:15", "20:00"),                               // 18:30-21:00
                calendar.starts(MALAZ, Section.MEN, CivilService.FAMILY_RECORD_ISSUE, SUNDAY));

        List<LocalTime> renewal = calendar.starts(MALAZ, Section.MEN, CivilService.ID_RENEWAL, SUNDAY);
        assertEquals(9 + 4 + 4 + 5, renewal.size());
        assertEquals(LocalTime.of(7, 30), renewal.get(0));
        assertEquals(LocalTime.of(20, 30), renewal.get(renewal.size() - 1));
        assertFalse(renewal.contains(LocalTime.of(12, 0)));
        assertFalse(renewal.contains(LocalTime.of(18, 0)));
        assertFalse(renewal.contains(LocalTime.of(14, 30)));
    }

    @Test
    void nothingOnFridayAndSaturdayOnlyForTheSectionConfiguredForIt() {
        for (Section section : Section.values()) {
            assertEquals(List.of(), calendar.starts(MALAZ, section, CivilService.ID_RENEWAL, FRIDAY));
            assertEquals(new Availability.NotWorkingDay(DayOfWeek.FRIDAY),
                    calendar.availability(MALAZ, section, CivilService.ID_RENEWAL, FRIDAY));
        }
        assertEquals(List.of(), calendar.starts(MALAZ, Section.MEN, CivilService.ID_RENEWAL, SATURDAY));
        List<LocalTime> women = calendar.starts(MALAZ, Section.WOMEN, CivilService.ID_RENEWAL, SATURDAY);
        assertEquals(12 + 1, women.size(), "08:00-12:00 in 20-min slots, and 12:30-12:50 before 13:00");
        assertEquals(LocalTime.of(8, 0), women.get(0));
        assertEquals(LocalTime.of(12, 30), women.get(women.size() - 1));
    }

    @Test
    void holidaysAndClosuresCloseTheDay() {
        Availability holiday = calendar.availability(MALAZ, Section.MEN, CivilService.ID_RENEWAL, NATIONAL_DAY);
        assertTrue(holiday instanceof Availability.OnHoliday h && h.holiday().name().en().equals("National Day"));
        assertEquals(List.of(), calendar.starts(MALAZ, Section.MEN, CivilService.ID_RENEWAL, NATIONAL_DAY));

        for (Section section : Section.values()) {
            Availability closed = calendar.availability(MALAZ, section, CivilService.ID_RENEWAL, SYSTEMS_UPGRADE);
            assertTrue(closed instanceof Availability.Closed c && c.closure().reason().en().equals("Systems upgrade"));
        }

        LocalDate maintenance = LocalDate.of(2026, 12, 14);
        assertEquals(List.of(), calendar.starts(MALAZ, Section.WOMEN, CivilService.ID_RENEWAL, maintenance));
        assertEquals(22, calendar.starts(MALAZ, Section.MEN, CivilService.ID_RENEWAL, maintenance).size(),
                "a closure of the women's section leaves the men's open");
    }

    @Test
    void serviceOrOfficeThatIsNotThereHasNoSlots() {
        assertEquals(new Availability.NotOffered(),
                calendar.availability(MALAZ, Section.WOMEN, CivilService.FAMILY_RECORD_ISSUE, SUNDAY));
        assertEquals(new Availability.NotOffered(),
                calendar.availability(new OfficeId("JED-01"), Section.MEN, CivilService.ID_RENEWAL, SUNDAY));
        assertEquals(List.of(), calendar.starts(MALAZ, Section.MEN, CivilService.DEATH_REGISTRATION, SUNDAY));
    }

    @Test
    void capacityOnlyForAStartThatReallyExists() {
        assertEquals(OptionalInt.of(3), calendar.capacity(slot(Section.MEN, CivilService.ID_RENEWAL, SUNDAY, "07:30")));
        assertEquals(OptionalInt.of(3), calendar.capacity(slot(Section.MEN, CivilService.ID_RENEWAL, SUNDAY, "20:30")));
        assertEquals(OptionalInt.of(2), calendar.capacity(slot(Section.MEN, CivilService.FAMILY_RECORD_ISSUE, SUNDAY,
                "13:15")));
        assertEquals(OptionalInt.of(2), calendar.capacity(slot(Section.WOMEN, CivilService.ID_RENEWAL, SATURDAY,
                "12:30")));

        List<SlotKey> missing = List.of(
                slot(Section.MEN, CivilService.ID_RENEWAL, SUNDAY, "07:45"),              // between two starts
                slot(Section.MEN, CivilService.ID_RENEWAL, SUNDAY, "12:00"),              // Dhuhr break
                slot(Section.MEN, CivilService.ID_RENEWAL, SUNDAY, "21:00"),              // closing time
                slot(Section.MEN, CivilService.FAMILY_RECORD_ISSUE, SUNDAY, "14:00"),     // would overrun 14:30
                slot(Section.MEN, CivilService.ID_RENEWAL, FRIDAY, "07:30"),
                slot(Section.MEN, CivilService.ID_RENEWAL, SATURDAY, "08:00"),
                slot(Section.MEN, CivilService.ID_RENEWAL, NATIONAL_DAY, "07:30"),
                slot(Section.MEN, CivilService.ID_RENEWAL, SYSTEMS_UPGRADE, "07:30"),
                slot(Section.MEN, CivilService.DEATH_REGISTRATION, SUNDAY, "07:30"),
                new SlotKey(new OfficeId("JED-01"), Section.MEN, CivilService.ID_RENEWAL, SUNDAY, LocalTime.of(7, 30)));
        for (SlotKey slot : missing) {
            assertEquals(OptionalInt.empty(), calendar.capacity(slot), slot.toString());
        }
    }

    @Test
    void everyListedStartHasACapacity() {
        SlotSupply supply = calendar;
        for (int day = 0; day < 14; day++) {
            LocalDate date = SUNDAY.plusDays(day);
            for (Section section : Section.values()) {
                for (CivilService service : CivilService.values()) {
                    for (LocalTime start : supply.starts(MALAZ, section, service, date)) {
                        assertTrue(supply.capacity(new SlotKey(MALAZ, section, service, date, start)).isPresent());
                    }
                }
            }
        }
    }

    @Test
    void openDaysSkipWeekendsHolidaysAndClosures() {
        assertEquals(List.of(LocalDate.of(2026, 9, 24), LocalDate.of(2026, 9, 27), LocalDate.of(2026, 9, 28),
                        LocalDate.of(2026, 9, 29)),
                calendar.openDays(MALAZ, Section.MEN, CivilService.ID_RENEWAL, NATIONAL_DAY, 4));

        LocalDate thursday = LocalDate.of(2026, 12, 10);
        assertEquals(List.of(thursday, LocalDate.of(2026, 12, 12), LocalDate.of(2026, 12, 19), LocalDate.of(2026, 12, 20)),
                calendar.openDays(MALAZ, Section.WOMEN, CivilService.ID_RENEWAL, thursday, 4));

        assertEquals(List.of(), calendar.openDays(MALAZ, Section.MEN, CivilService.ID_RENEWAL, SUNDAY, 0));
        assertEquals(List.of(), calendar.openDays(MALAZ, Section.WOMEN, CivilService.DEATH_REGISTRATION, SUNDAY, 3));
        assertThrows(IllegalArgumentException.class,
                () -> calendar.openDays(MALAZ, Section.MEN, CivilService.ID_RENEWAL, SUNDAY, -1));
    }

    @Test
    void todayAndNowAreRiyadhLocal() {
        Clock lateSaturdayUtc = Clock.fixed(Instant.parse("2026-11-21T22:30:00Z"), ZoneOffset.UTC);
        assertEquals(SUNDAY, SlotCalendar.today(lateSaturdayUtc));
        assertEquals(LocalDateTime.of(2026, 11, 22, 1, 30), SlotCalendar.now(lateSaturdayUtc));
    }

    @Test
    void recordsRefuseWhatTheCalendarCouldNotHonour() {
        SectionPlan men = catalogue.office(MALAZ).orElseThrow().section(Section.MEN).orElseThrow();
        IllegalArgumentException saturdayMen = assertThrows(IllegalArgumentException.class,
                () -> new SectionPlan(Section.MEN, catalogue.office(MALAZ).orElseThrow().section(Section.WOMEN)
                        .orElseThrow().week(), men.services()));
        assertTrue(saturdayMen.getMessage().contains("only women's sections open on Saturday"));

        IllegalArgumentException friday = assertThrows(IllegalArgumentException.class,
                () -> new WorkingWeek(Map.of(DayOfWeek.FRIDAY, ranges("16:00-21:00")), List.of()));
        assertEquals("FRIDAY hours (expected: no office opens on Friday)", friday.getMessage());

        IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
                () -> new SectionPlan(Section.MEN,
                        new WorkingWeek(weekdays(ranges("07:30-14:30")), ranges("10:00-10:30", "12:00-12:30")),
                        offers(ServiceOffer.of(CivilService.ID_RENEWAL, 180, 1))));
        assertTrue(tooLong.getMessage().startsWith("ID_RENEWAL: a slot of 180 min fits in no working period on SUNDAY "
                + "(longest: 150 min"), tooLong.getMessage());

        assertThrows(IllegalArgumentException.class, () -> ServiceOffer.of(CivilService.ID_RENEWAL, 241, 1));
        assertThrows(IllegalArgumentException.class, () -> new Bilingual("مكتب", " "));
        assertThrows(IllegalArgumentException.class, () -> new OfficeCatalogue(List.of(malaz(), malaz()), List.of()));
    }

    private static SlotKey slot(Section section, CivilService service, LocalDate date, String start) {
        return new SlotKey(MALAZ, section, service, date, LocalTime.parse(start));
    }
}
