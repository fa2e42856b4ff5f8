package sa.civilaffairs.cc.office;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sa.civilaffairs.cc.text.Language;

class CatalogueLoaderTest {

    private static final String HEAD = """
            # test catalogue
            plans:
              day:
                hours:
                  SUNDAY-THURSDAY: [07:30-14:30]
                breaks: [12:00-12:30]
              day-saturday:
                hours:
                  SUNDAY-THURSDAY: [07:30-14:30]
                  SATURDAY: [08:00-13:00]
                breaks: [12:00-12:30]
            menus:
              basic:
                ID_RENEWAL: { slot-minutes: 15, capacity: 2 }
                DATA_CORRECTION: { slot-minutes: 30, capacity: 1 }
            offices:
              - id: RUH-01
                region: RIYADH
                name: { ar: مكتب الأحوال المدنية بحي الملز, en: Civil Affairs Office – Al-Malaz }
                city: { ar: الرياض, en: Riyadh }
                sections:
                  MEN: { plan: day, menu: basic }
            """;

    private static final String HOLIDAYS = """
            holidays:
              - name: { ar: اليوم الوطني, en: National Day }
                date: 2026-09-23
              - name: { ar: إجازة عيد الأضحى 1447, en: Eid al-Adha holiday 1447 }
                from: 2026-05-26
                to: 2026-05-30
            """;

    @TempDir
    Path dir;

    /** One office per region other than Riyadh, after the offices under test, so that every region is covered. */
    private static String fillers() {
        return Arrays.stream(Region.values()).filter(r -> r != Region.RIYADH)
                .map(r -> """
                          - id: FILL-%02d
                            region: %s
                            name: { ar: مكتب, en: Office %s }
                            city: { ar: مدينة, en: City %s }
                            sections:
                              MEN: { plan: day, menu: basic }
                        """.formatted(r.ordinal(), r, r, r))
                .collect(Collectors.joining());
    }

    private String write(String officesUnderTest) throws IOException {
        String text = HEAD + officesUnderTest + fillers();
        Files.writeString(dir.resolve("offices.yaml"), text);
        Files.writeString(dir.resolve("holidays.yaml"), HOLIDAYS);
        return text;
    }

    private CatalogueException failure(String officesUnderTest, String markerOfBadLine) throws IOException {
        String text = write(officesUnderTest);
        CatalogueException e = assertThrows(CatalogueException.class, () -> CatalogueLoader.load(dir));
        assertEquals("offices.yaml", e.file(), e.getMessage());
        assertEquals(lineOf(text, markerOfBadLine), e.line(), e.getMessage());
        assertTrue(e.getMessage().startsWith("offices.yaml:" + e.line() + ": "), e.getMessage());
        return e;
    }

    /** The 1-based line of the only occurrence of {@code marker} in {@code text}. */
    private static int lineOf(String text, String marker) {
        int at = text.indexOf(marker);
        assertTrue(at >= 0 && text.indexOf(marker, at + 1) < 0, "marker must occur once: " + marker);
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    private static String jed02(String sections) {
        return """
                  - id: JED-02
                    region: MAKKAH
                    name: { ar: مكتب الأحوال المدنية بحي الصفا, en: Civil Affairs Office – Al-Safa }
                    city: { ar: جدة, en: Jeddah }
                    sections:
                """ + sections;
    }

    @Test
    void loadsPlansMenusOverridesAndClosures() throws IOException {
        write(jed02("""
                      MEN: { plan: day, menu: basic }
                      WOMEN:
                        plan: day-saturday
                        menu: basic
                        services:
                          ID_RENEWAL: { slot-minutes: 20, capacity: 3 }
                          BIRTH_REGISTRATION: { slot-minutes: 15, capacity: 1 }
                    closures:
                      - { date: 2026-12-03, reason: { ar: تحديث الأنظمة, en: Systems upgrade } }
                      - { from: 2026-12-13, to: 2026-12-17, section: WOMEN, reason: { ar: صيانة, en: Maintenance } }
                """));

        OfficeCatalogue catalogue = CatalogueLoader.load(dir);

        assertEquals(14, catalogue.offices().size());
        Office jed = catalogue.office(new OfficeId("JED-02")).orElseThrow();
        assertEquals("مكتب الأحوال المدنية بحي الصفا", jed.name(Language.AR));
        assertEquals("Civil Affairs Office – Al-Safa", jed.name(Language.EN));
        assertEquals("Jeddah", jed.city(Language.EN));
        SectionPlan women = jed.section(Section.WOMEN).orElseThrow();
        assertEquals(ServiceOffer.of(CivilService.ID_RENEWAL, 20, 3), women.offer(CivilService.ID_RENEWAL).orElseThrow());
        assertEquals(ServiceOffer.of(CivilService.DATA_CORRECTION, 30, 1),
                women.offer(CivilService.DATA_CORRECTION).orElseThrow());
        assertTrue(women.offers(CivilService.BIRTH_REGISTRATION));
        assertTrue(women.week().isOpen(DayOfWeek.SATURDAY));
        assertEquals(List.of(TimeRange.parse("12:00-12:30")), women.week().breaks());
        assertEquals(List.of(Section.WOMEN), jed.sectionsOffering(CivilService.BIRTH_REGISTRATION));

        assertEquals(2, jed.closures().size());
        assertEquals(Set.of(Section.MEN, Section.WOMEN), jed.closures().get(0).sections());
        assertEquals("Maintenance", jed.closure(LocalDate.of(2026, 12, 14), Section.WOMEN).orElseThrow()
                .reason().in(Language.EN));
        assertTrue(jed.closure(LocalDate.of(2026, 12, 14), Section.MEN).isEmpty());

        assertEquals(2, catalogue.holidays().size());
        assertEquals("Eid al-Adha holiday 1447",
                catalogue.holiday(LocalDate.of(2026, 5, 28)).orElseThrow().name().in(Language.EN));
    }

    @Test
    void slotLengthZeroNamesOfficeSectionServiceAndLine() throws IOException {
        CatalogueException e = failure(jed02("""
                      WOMEN:
                        plan: day
                        services:
                          ID_RENEWAL: { slot-minutes: 0, capacity: 2 }
                """), "slot-minutes: 0");
        assertEquals("office JED-02 section WOMEN service ID_RENEWAL: slot length 0 min (expected: 5-240)",
                e.reason());
    }

    @Test
    void capacityBelowOneFailsAtItsLine() throws IOException {
        CatalogueException e = failure(jed02("""
                      MEN:
                        plan: day
                        services:
                          ID_RENEWAL:
                            slot-minutes: 15
                            capacity: 0
                """), "capacity: 0");
        assertEquals("office JED-02 section MEN service ID_RENEWAL: capacity per slot 0 (expected: 1-100)", e.reason());
    }

    @Test
    void duplicateOfficeId() throws IOException {
        CatalogueException e = failure("""
                  - id: RUH-01
                    region: RIYADH
                    name: { ar: مكتب مكرر, en: Duplicate }
                    city: { ar: الرياض, en: Riyadh }
                    sections: { MEN: { plan: day, menu: basic } }
                """, "- id: RUH-01\n    region: RIYADH\n    name: { ar: مكتب مكرر");
        assertEquals("office RUH-01: id given twice (first at line " + lineOf(HEAD, "- id: RUH-01")
                + "; expected: unique office ids)", e.reason());
    }

    @Test
    void unknownRegionServiceSectionPlanAndMenu() throws IOException {
        CatalogueException region = failure(jed02("      MEN: { plan: day, menu: basic }\n")
                .replace("region: MAKKAH", "region: MECCA"), "region: MECCA");
        assertTrue(region.reason().startsWith("office JED-02: unknown region 'MECCA' (expected one of: RIYADH, MAKKAH"),
                region.reason());

        CatalogueException service = failure(jed02("""
                      MEN:
                        plan: day
                        services:
                          PASSPORT: { slot-minutes: 15, capacity: 1 }
                """), "PASSPORT");
        assertTrue(service.reason().startsWith("office JED-02 section MEN: unknown service 'PASSPORT'"),
                service.reason());

        CatalogueException section = failure(jed02("      CHILDREN: { plan: day, menu: basic }\n"), "CHILDREN");
        assertEquals("office JED-02: unknown section 'CHILDREN' (expected one of: MEN, WOMEN)", section.reason());

        CatalogueException plan = failure(jed02("      MEN: { plan: night, menu: basic }\n"), "plan: night");
        assertEquals("office JED-02 section MEN: unknown plan 'night' (expected one of: day, day-saturday)",
                plan.reason());

        CatalogueException menu = failure(jed02("      MEN: { plan: day, menu: full }\n"), "menu: full");
        assertEquals("office JED-02 section MEN: unknown menu 'full' (expected one of: basic)", menu.reason());
    }

    @Test
    void misspeltKeyIsRefused() throws IOException {
        CatalogueException e = failure(jed02("""
                      MEN:
                        plan: day
                        services:
                          ID_RENEWAL: { slot-minutes: 15, capasity: 2 }
                """), "capasity");
        assertEquals("office JED-02 section MEN service ID_RENEWAL: unknown key 'capasity' (expected: slot-minutes, "
                + "capacity)", e.reason());
    }

    @Test
    void duplicateKeyIsRefused() throws IOException {
        CatalogueException e = failure(jed02("""
                      MEN: { plan: day, menu: basic }
                      WOMEN: { plan: day, menu: basic }
                      MEN: { plan: day-saturday, menu: basic }
                """), "MEN: { plan: day-saturday");
        assertEquals("key 'MEN' given twice (first at line " + (e.line() - 2) + ")", e.reason());
    }

    @Test
    void timesMustParse() throws IOException {
        CatalogueException shape = failure(jed02("""
                      MEN:
                        hours: { SUNDAY-THURSDAY: [7:30-14:30] }
                        menu: basic
                """), "[7:30-14:30");
        assertEquals("office JED-02 section MEN SUNDAY-THURSDAY: time range '7:30-14:30' "
                + "(expected: HH:MM-HH:MM, e.g. 07:30-14:30)", shape.reason());

        CatalogueException value = failure(jed02("""
                      MEN:
                        hours: { SUNDAY-THURSDAY: [07:30-24:30] }
                        menu: basic
                """), "07:30-24:30");
        assertTrue(value.reason().endsWith("(expected: times from 00:00 to 23:59)"), value.reason());
    }

    @Test
    void rangesMustBeOrdered() throws IOException {
        CatalogueException reversed = failure(jed02("""
                      MEN:
                        hours: { SUNDAY-THURSDAY: [14:30-07:30] }
                        menu: basic
                """), "14:30-07:30");
        assertEquals("office JED-02 section MEN SUNDAY-THURSDAY: time range 14:30-07:30 (expected: start before end)",
                reversed.reason());

        CatalogueException overlapping = failure(jed02("""
                      MEN:
                        hours:
                          SUNDAY-THURSDAY:
                            - 07:30-14:30
                            - 14:00-21:00
                        menu: basic
                """), "- 14:00-21:00");
        assertEquals("office JED-02 section MEN SUNDAY-THURSDAY: 07:30-14:30 then 14:00-21:00 "
                + "(expected: in time order, not overlapping)", overlapping.reason());
    }

    @Test
    void breaksMustLieInsideWorkingHours() throws IOException {
        CatalogueException straddling = failure(jed02("""
                      MEN:
                        hours: { SUNDAY-THURSDAY: [07:30-14:30] }
                        breaks: [12:00-12:30, 14:00-15:00]
                        menu: basic
                """), "14:00-15:00");
        assertEquals("office JED-02 section MEN: break 14:00-15:00 runs outside working hours 07:30-14:30 on SUNDAY "
                + "(expected: breaks inside working hours)", straddling.reason());

        CatalogueException outside = failure(jed02("""
                      MEN:
                        hours: { SUNDAY-THURSDAY: [07:30-14:30] }
                        breaks:
                          - 22:00-22:30
                        menu: basic
                """), "22:00-22:30");
        assertEquals("office JED-02 section MEN: break 22:00-22:30 is outside the working hours of every day "
                + "(expected: breaks inside working hours)", outside.reason());
    }

    @Test
    void fridayIsNeverOpen() throws IOException {
        CatalogueException friday = failure(jed02("""
                      MEN:
                        hours:
                          SUNDAY-THURSDAY: [07:30-14:30]
                          FRIDAY: [16:00-21:00]
                        menu: basic
                """), "FRIDAY: [16:00");
        assertEquals("office JED-02 section MEN: days 'FRIDAY' include FRIDAY (expected: no office opens on Friday)",
                friday.reason());

        CatalogueException wholeWeek = failure(jed02("""
                      MEN:
                        hours: { SUNDAY-SATURDAY: [07:30-14:30] }
                        menu: basic
                """), "SUNDAY-SATURDAY");
        assertTrue(wholeWeek.reason().endsWith("include FRIDAY (expected: no office opens on Friday)"),
                wholeWeek.reason());
    }

    @Test
    void onlyWomensSectionsOpenOnSaturday() throws IOException {
        CatalogueException e = failure(jed02("      MEN: { plan: day-saturday, menu: basic }\n"),
                "MEN: { plan: day-saturday");
        assertEquals("office JED-02 section MEN: SATURDAY hours in the MEN section "
                + "(expected: only women's sections open on Saturday)", e.reason());
    }

    @Test
    void aSlotMustFitBetweenBreaksOnEveryWorkingDay() throws IOException {
        CatalogueException e = failure(jed02("""
                      WOMEN:
                        hours:
                          SUNDAY-THURSDAY: [07:30-14:30]
                          SATURDAY: [08:00-09:00]
                        services:
                          FAMILY_RECORD_ISSUE: { slot-minutes: 90, capacity: 1 }
                """), "slot-minutes: 90");
        assertEquals("office JED-02 section WOMEN service FAMILY_RECORD_ISSUE: a slot of 90 min fits in no working "
                + "period on SATURDAY (longest: 60 min; expected: slots that fit between breaks)", e.reason());
    }

    @Test
    void aMenuServiceThatDoesNotFitIsReportedForTheSectionUsingIt() throws IOException {
        String text = write("""
                  - id: JED-02
                    region: MAKKAH
                    name: { ar: مكتب, en: Office }
                    city: { ar: جدة, en: Jeddah }
                    sections:
                      WOMEN:
                        hours: { SUNDAY-THURSDAY: [07:30-14:30], SATURDAY: [08:00-08:20] }
                        menu: basic
                """);
        CatalogueException e = assertThrows(CatalogueException.class, () -> CatalogueLoader.load(dir));
        assertEquals(lineOf(text, "DATA_CORRECTION: { slot-minutes: 30"), e.line());
        assertTrue(e.reason().startsWith("office JED-02 section WOMEN service DATA_CORRECTION (from menu basic): "
                + "a slot of 30 min fits in no working period on SATURDAY"), e.reason());
    }

    @Test
    void closureOfAMissingSection() throws IOException {
        CatalogueException e = failure(jed02("""
                      MEN: { plan: day, menu: basic }
                    closures:
                      - from: 2026-12-01
                        to: 2026-12-05
                        section: WOMEN
                        reason: { ar: صيانة, en: Maintenance }
                """), "section: WOMEN");
        assertEquals("office JED-02 closure: closure of the WOMEN section, which this office does not have "
                + "(expected: one of [MEN])", e.reason());
    }

    @Test
    void closureDatesMustBeRealAndOrdered() throws IOException {
        CatalogueException bad = failure(jed02("""
                      MEN: { plan: day, menu: basic }
                    closures:
                      - { date: 2026-02-30, reason: { ar: صيانة, en: Maintenance } }
                """), "2026-02-30");
        assertEquals("office JED-02 closure: date '2026-02-30' (expected: a real date as YYYY-MM-DD)", bad.reason());

        CatalogueException reversed = failure(jed02("""
                      MEN: { plan: day, menu: basic }
                    closures:
                      - { from: 2026-12-05, to: 2026-12-01, reason: { ar: صيانة, en: Maintenance } }
                """), "from: 2026-12-05");
        assertEquals("office JED-02 closure: closure from 2026-12-05 to 2026-12-01 (expected: to on or after from)",
                reversed.reason());
    }

    @Test
    void everyRegionNeedsAnOffice() throws IOException {
        String text = HEAD;
        Files.writeString(dir.resolve("offices.yaml"), text);
        Files.writeString(dir.resolve("holidays.yaml"), HOLIDAYS);
        CatalogueException e = assertThrows(CatalogueException.class, () -> CatalogueLoader.load(dir));
        assertEquals(lineOf(text, "offices:"), e.line());
        assertEquals("offices: no office in region MAKKAH (expected: at least one office in each of the 13 regions)",
                e.reason());
    }

    @Test
    void brokenYamlReportsTheParserLine() throws IOException {
        String text = write(jed02("      MEN: { plan: day, menu: basic\n"));
        CatalogueException e = assertThrows(CatalogueException.class, () -> CatalogueLoader.load(dir));
        assertTrue(e.reason().startsWith("not valid YAML: "), e.reason());
        int open = lineOf(text, "MEN: { plan: day, menu: basic\n");
        assertTrue(e.line() > open && e.line() <= open + 2, "line " + e.line() + " near " + open);
    }

    @Test
    void yamlAliasesAreRefusedRatherThanReadAsTheirName() throws IOException {
        CatalogueException e = failure(jed02("""
                      MEN: &men { plan: day, menu: basic }
                      WOMEN: *men
                """), "WOMEN: *men");
        assertEquals("YAML alias *men (expected: plain values; share settings with plans and menus instead)",
                e.reason());
    }

    @Test
    void missingFileIsNamed() throws IOException {
        Files.writeString(dir.resolve("holidays.yaml"), HOLIDAYS);
        CatalogueException e = assertThrows(CatalogueException.class, () -> CatalogueLoader.load(dir));
        assertEquals("offices.yaml", e.file());
        assertEquals(0, e.line());
        assertTrue(e.getMessage().startsWith("offices.yaml: not found at "), e.getMessage());
    }

    @Test
    void holidayRulesFailInHolidaysFile() throws IOException {
        write("");
        String text = """
                holidays:
                  - name: { ar: اليوم الوطني, en: National Day }
                    date: 2026-09-23
                  - name: { ar: عيد, en: Eid }
                    from: 2026-05-30
                    to: 2026-05-26
                """;
        Files.writeString(dir.resolve("holidays.yaml"), text);
        CatalogueException reversed = assertThrows(CatalogueException.class, () -> CatalogueLoader.load(dir));
        assertEquals("holidays.yaml", reversed.file());
        assertEquals(lineOf(text, "- name: { ar: عيد"), reversed.line());
        assertEquals("holiday Eid: holiday from 2026-05-30 to 2026-05-26 (expected: to on or after from)",
                reversed.reason());

        String typo = """
                holidays:
                  - name: { ar: عيد, en: Eid }
                    from: 2026-05-26
                    to: 2027-05-30
                """;
        Files.writeString(dir.resolve("holidays.yaml"), typo);
        CatalogueException tooLong = assertThrows(CatalogueException.class, () -> CatalogueLoader.load(dir));
        assertEquals("holiday Eid: holiday from 2026-05-26 to 2027-05-30 lasts 370 days (expected: at most 30)",
                tooLong.reason());

        String nameless = """
                holidays:
                  - date: 2026-09-23
                """;
        Files.writeString(dir.resolve("holidays.yaml"), nameless);
        CatalogueException missing = assertThrows(CatalogueException.class, () -> CatalogueLoader.load(dir));
        assertEquals(2, missing.line());
        assertEquals("holiday: 'name' is missing", missing.reason());
    }

    @Test
    void textWithoutEnglishIsRefused() throws IOException {
        CatalogueException e = failure("""
                  - id: JED-02
                    region: MAKKAH
                    name: { ar: مكتب الأحوال المدنية بحي الصفا }
                    city: { ar: جدة, en: Jeddah }
                    sections: { MEN: { plan: day, menu: basic } }
                """, "name: { ar: مكتب الأحوال المدنية بحي الصفا }");
        assertEquals("office JED-02 name: 'en' is missing", e.reason());
        assertEquals(Duration.ofMinutes(15), ServiceOffer.of(CivilService.ID_RENEWAL, 15, 1).slotLength());
    }
}
