package sa.civilaffairs.cc.office;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sa.civilaffairs.cc.text.Language;

/** The catalogue shipped in the repository's {@code config/}, as every process loads it at start-up. */
class ShippedCatalogueTest {

    private static OfficeCatalogue catalogue;
    private static SlotCalendar calendar;

    @BeforeAll
    static void load() {
        Path dir = Files.isRegularFile(Path.of("..", "config", CatalogueLoader.OFFICES_FILE))
                ? Path.of("..", "config") : Path.of("config");
        catalogue = CatalogueLoader.load(dir);
        calendar = new SlotCalendar(catalogue);
    }

    @Test
    void aboutFortyFiveOfficesCoverAllThirteenRegions() {
        assertEquals(45, catalogue.offices().size());
        Set<Region> covered = catalogue.offices().stream().map(Office::region)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Region.class)));
        assertEquals(EnumSet.allOf(Region.class), covered);
        long withWomen = catalogue.offices().stream().filter(o -> o.section(Section.WOMEN).isPresent()).count();
        assertTrue(withWomen > 30 && withWomen < 45, "most, not all, offices have a women's section: " + withWomen);
    }

    @Test
    void everyServiceCanBeBookedInEveryRegionByMenAndByWomen() {
        List<String> gaps = new ArrayList<>();
        for (CivilService service : CivilService.values()) {
            for (Section section : Section.values()) {
                if (!catalogue.regionsOffering(service, section).equals(List.of(Region.values()))) {
                    gaps.add(service + "/" + section + " only in " + catalogue.regionsOffering(service, section));
                }
            }
        }
        assertEquals(List.of(), gaps);
    }

    @Test
    void officesHaveArabicAndEnglishNames() {
        for (Office office : catalogue.offices()) {
            assertTrue(office.name(Language.AR).startsWith("مكتب الأحوال المدنية"), office.id().value());
            assertTrue(office.name(Language.EN).startsWith("Civil Affairs Office – "), office.id().value());
            assertTrue(office.id().value().matches("[A-Z]{3}-\\d{2}"), office.id().value());
        }
        Office malaz = catalogue.office(new OfficeId("RUH-01")).orElseThrow();
        assertEquals("مكتب الأحوال المدنية بحي الملز", malaz.name(Language.AR));
        assertEquals("Civil Affairs Office – Al-Malaz", malaz.name(Language.EN));
        assertEquals("الرياض", malaz.city(Language.AR));
    }

    @Test
    void noSlotsOnFridaysAndOnSaturdaysOnlyForSomeWomensSections() {
        LocalDate friday = LocalDate.of(2026, 11, 27);
        LocalDate saturday = friday.plusDays(1);
        assertEquals(DayOfWeek.FRIDAY, friday.getDayOfWeek());
        int saturdaySections = 0;
        for (Office office : catalogue.offices()) {
            for (SectionPlan plan : office.sections().values()) {
                for (CivilService service : plan.services().keySet()) {
                    assertEquals(List.of(), calendar.starts(office.id(), plan.section(), service, friday));
                    List<LocalTime> saturdayStarts = calendar.starts(office.id(), plan.section(), service, saturday);
                    if (plan.section() == Section.MEN) {
                        assertEquals(List.of(), saturdayStarts, office.id() + " men on Saturday");
                    }
                }
                if (plan.week().isOpen(DayOfWeek.SATURDAY)) {
                    saturdaySections++;
                }
            }
        }
        assertTrue(saturdaySections >= 5, "women's sections open on Saturday: " + saturdaySections);
    }

    @Test
    void officialHolidaysCloseEveryOffice() {
        List<LocalDate> holidays = List.of(LocalDate.of(2026, 9, 23), LocalDate.of(2027, 2, 22),
                LocalDate.of(2027, 3, 9), LocalDate.of(2027, 5, 16), LocalDate.of(2027, 9, 23));
        for (LocalDate day : holidays) {
            assertTrue(catalogue.holiday(day).isPresent(), day.toString());
            for (Office office : catalogue.offices()) {
                for (SectionPlan plan : office.sections().values()) {
                    for (CivilService service : plan.services().keySet()) {
                        assertInstanceOf(Availability.OnHoliday.class,
                                calendar.availability(office.id(), plan.section(), service, day));
                    }
                }
            }
        }
        assertEquals("اليوم الوطني", catalogue.holiday(LocalDate.of(2026, 9, 23)).orElseThrow().name().ar());
        assertFalse(catalogue.holiday(LocalDate.of(2027, 3, 14)).isPresent(), "the day after Eid al-Fitr 1448");
    }

    @Test
    void bigCityOfficeHasAnEveningShift() {
        OfficeId malaz = new OfficeId("RUH-01");
        LocalDate sunday = LocalDate.of(2026, 11, 22);
        List<LocalTime> starts = calendar.starts(malaz, Section.MEN, CivilService.ID_RENEWAL, sunday);
        assertEquals(LocalTime.of(7, 30), starts.get(0));
        assertTrue(starts.contains(LocalTime.of(16, 0)));
        assertFalse(starts.contains(LocalTime.of(12, 0)), "Dhuhr break");
        assertFalse(starts.contains(LocalTime.of(18, 0)), "Maghrib break");
        assertEquals(LocalTime.of(20, 50), starts.get(starts.size() - 1));
        assertEquals(4, catalogue.offer(malaz, Section.MEN, CivilService.MARRIAGE_DIVORCE_REGISTRATION)
                .orElseThrow().capacityPerSlot(), "the office's own terms override its menu");
    }
}
