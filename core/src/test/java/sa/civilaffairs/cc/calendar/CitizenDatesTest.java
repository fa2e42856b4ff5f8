package sa.civilaffairs.cc.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sa.civilaffairs.cc.text.Language;

class CitizenDatesTest {

    private static final LocalDateTime SPEC_EXAMPLE = LocalDateTime.of(2026, 11, 22, 9, 30);

    @Test
    void theSpecExampleInArabic() {
        assertEquals("الأحد 12 جمادى الآخرة 1448 (22-11-2026) 09:30",
                CitizenDates.dateTime(SPEC_EXAMPLE, Language.AR));
    }

    @Test
    void theSpecExampleInEnglish() {
        assertEquals("Sunday 12 Jumada al-Akhirah 1448 (22-11-2026) 09:30",
                CitizenDates.dateTime(SPEC_EXAMPLE, Language.EN));
    }

    @Test
    void anInstantIsShownInRiyadhTime() {
        Instant utc = Instant.parse("2026-11-22T06:30:00Z");
        assertEquals("الأحد 12 جمادى الآخرة 1448 (22-11-2026) 09:30", CitizenDates.dateTime(utc, Language.AR));
        // 22:30 UTC on Saturday is already Sunday 01:30 in Riyadh
        assertEquals("Sunday 12 Jumada al-Akhirah 1448 (22-11-2026) 01:30",
                CitizenDates.dateTime(Instant.parse("2026-11-21T22:30:00Z"), Language.EN));
    }

    @Test
    void dateTimeHijriAndGregorianAlone() {
        LocalDate day = SPEC_EXAMPLE.toLocalDate();
        assertEquals("الأحد 12 جمادى الآخرة 1448 (22-11-2026)", CitizenDates.date(day, Language.AR));
        assertEquals("Sunday 12 Jumada al-Akhirah 1448 (22-11-2026)", CitizenDates.date(day, Language.EN));
        assertEquals("12 جمادى الآخرة 1448", CitizenDates.hijri(day, Language.AR));
        assertEquals("12 Jumada al-Akhirah 1448", CitizenDates.hijri(day, Language.EN));
        assertEquals("22-11-2026", CitizenDates.gregorian(day));
        assertEquals("05-01-2027", CitizenDates.gregorian(LocalDate.of(2027, 1, 5)));
    }

    @Test
    void timeIsTwentyFourHourWithLeadingZeros() {
        assertEquals("09:30", CitizenDates.time(LocalTime.of(9, 30)));
        assertEquals("00:05", CitizenDates.time(LocalTime.of(0, 5)));
        assertEquals("16:45", CitizenDates.time(LocalTime.of(16, 45, 59)));
    }

    /** Dates announced by the Umm al-Qura calendar. */
    @ParameterizedTest(name = "{0} is {1} {2} {3}")
    @CsvSource({
            "2026-11-22, 12, JUMADA_AL_AKHIRAH, 1448",
            "2026-02-18, 1, RAMADAN, 1447",
            "2025-03-01, 1, RAMADAN, 1446",
            "2026-03-20, 1, SHAWWAL, 1447",
            "2026-05-27, 10, DHU_AL_HIJJAH, 1447",
            "2026-06-16, 1, MUHARRAM, 1448",
            "2026-11-10, 30, JUMADA_AL_ULA, 1448",
            "2026-11-11, 1, JUMADA_AL_AKHIRAH, 1448"})
    void convertsToUmmAlQura(LocalDate date, int day, HijriMonth month, int year) {
        DateParts parts = CitizenDates.parts(date);
        assertEquals(day, parts.hijriDay());
        assertEquals(month, parts.hijriMonth());
        assertEquals(year, parts.hijriYear());
        assertEquals(date, parts.gregorian());
        assertEquals(date.getDayOfWeek(), parts.dayOfWeek());
    }

    @Test
    void thePartsOfTheSpecExampleSpeakEachLanguage() {
        DateParts parts = CitizenDates.parts(LocalDate.of(2026, 11, 22));
        assertEquals(new DateParts(LocalDate.of(2026, 11, 22), DayOfWeek.SUNDAY, 12, HijriMonth.JUMADA_AL_AKHIRAH,
                1448), parts);
        assertEquals("الأحد", parts.dayName(Language.AR));
        assertEquals("Sunday", parts.dayName(Language.EN));
        assertEquals("جمادى الآخرة", parts.hijriMonthName(Language.AR));
        assertEquals("Jumada al-Akhirah", parts.hijriMonthName(Language.EN));
        assertEquals(6, parts.hijriMonth().number());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "SUNDAY, الأحد, Sunday",
            "MONDAY, الاثنين, Monday",
            "TUESDAY, الثلاثاء, Tuesday",
            "WEDNESDAY, الأربعاء, Wednesday",
            "THURSDAY, الخميس, Thursday",
            "FRIDAY, الجمعة, Friday",
            "SATURDAY, السبت, Saturday"})
    void dayNames(DayOfWeek day, String arabic, String english) {
        assertEquals(arabic, CitizenDates.dayName(day, Language.AR));
        assertEquals(english, CitizenDates.dayName(day, Language.EN));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "1, محرم, Muharram",
            "2, صفر, Safar",
            "3, ربيع الأول, Rabi al-Awwal",
            "4, ربيع الآخر, Rabi al-Akhir",
            "5, جمادى الأولى, Jumada al-Ula",
            "6, جمادى الآخرة, Jumada al-Akhirah",
            "7, رجب, Rajab",
            "8, شعبان, Shaban",
            "9, رمضان, Ramadan",
            "10, شوال, Shawwal",
            "11, ذو القعدة, Dhu al-Qadah",
            "12, ذو الحجة, Dhu al-Hijjah"})
    void hijriMonthNames(int month, String arabic, String english) {
        assertEquals(arabic, CitizenDates.hijriMonthName(month, Language.AR));
        assertEquals(english, CitizenDates.hijriMonthName(month, Language.EN));
        assertEquals(month, HijriMonth.of(month).number());
    }

    @Test
    void hijriMonthOutsideOneToTwelveIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> HijriMonth.of(0));
        assertThrows(IllegalArgumentException.class, () -> HijriMonth.of(13));
    }

    @Test
    void everyDayOfAYearHasConsistentParts() {
        // walks 2026 day by day: the Hijri day advances by one or wraps to 1 with the next month
        DateParts previous = CitizenDates.parts(LocalDate.of(2025, 12, 31));
        Set<HijriMonth> seen = new HashSet<>();
        for (LocalDate d = LocalDate.of(2026, 1, 1); d.getYear() == 2026; d = d.plusDays(1)) {
            DateParts parts = CitizenDates.parts(d);
            seen.add(parts.hijriMonth());
            if (parts.hijriDay() == 1) {
                assertEquals(previous.hijriMonth() == HijriMonth.DHU_AL_HIJJAH ? HijriMonth.MUHARRAM
                        : HijriMonth.of(previous.hijriMonth().number() + 1), parts.hijriMonth(), d.toString());
                assertEquals(true, previous.hijriDay() == 29 || previous.hijriDay() == 30, d.toString());
            } else {
                assertEquals(previous.hijriDay() + 1, parts.hijriDay(), d.toString());
                assertEquals(previous.hijriMonth(), parts.hijriMonth(), d.toString());
            }
            previous = parts;
        }
        assertEquals(12, seen.size());
    }

    @Test
    void datesOutsideTheUmmAlQuraTableAreRefusedWithTheDate() {
        DateTimeException e = assertThrows(DateTimeException.class,
                () -> CitizenDates.date(LocalDate.of(1850, 1, 1), Language.AR));
        assertEquals(true, e.getMessage().contains("1850-01-01"), e.getMessage());
    }

    @Test
    void partsMustAgreeWithTheirGregorianDate() {
        assertThrows(IllegalArgumentException.class, () -> new DateParts(LocalDate.of(2026, 11, 22),
                DayOfWeek.MONDAY, 12, HijriMonth.JUMADA_AL_AKHIRAH, 1448));
        assertThrows(IllegalArgumentException.class, () -> new DateParts(LocalDate.of(2026, 11, 22),
                DayOfWeek.SUNDAY, 31, HijriMonth.JUMADA_AL_AKHIRAH, 1448));
    }
}
