package sa.civilaffairs.cc.calendar;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.chrono.HijrahDate;
import java.time.temporal.ChronoField;
import sa.civilaffairs.cc.text.Language;

/**
 * One day as a citizen is told it: the day of the week, the Hijri (Umm al-Qura) day, month and year, and the
 * Gregorian date. The parts are separate so that the IVR can speak each with its own prompt.
 */
public record DateParts(LocalDate gregorian, DayOfWeek dayOfWeek, int hijriDay, HijriMonth hijriMonth,
                        int hijriYear) {

    public DateParts {
        if (gregorian == null || dayOfWeek == null || hijriMonth == null) {
            throw new IllegalArgumentException("date parts: " + gregorian + ", " + dayOfWeek + ", " + hijriMonth
                    + " (expected: all present)");
        }
        if (dayOfWeek != gregorian.getDayOfWeek()) {
            throw new IllegalArgumentException("dayOfWeek: " + dayOfWeek + " (expected: " + gregorian.getDayOfWeek()
                    + ", the day of " + gregorian + ")");
        }
        if (hijriDay < 1 || hijriDay > 30) {
            throw new IllegalArgumentException("hijriDay: " + hijriDay + " (expected: 1-30)");
        }
    }

    /**
     * The parts of {@code date}, converted with the JDK's Umm al-Qura table.
     *
     * @throws DateTimeException when {@code date} lies outside that table (Hijri years 1300-1600, about 1882-2174)
     */
    public static DateParts of(LocalDate date) {
        HijrahDate hijri;
        try {
            hijri = HijrahDate.from(date);
        } catch (DateTimeException e) {
            throw new DateTimeException("date: " + date
                    + " (expected: within the Umm al-Qura calendar, Hijri years 1300-1600)", e);
        }
        return new DateParts(date, date.getDayOfWeek(), hijri.get(ChronoField.DAY_OF_MONTH),
                HijriMonth.of(hijri.get(ChronoField.MONTH_OF_YEAR)), hijri.get(ChronoField.YEAR));
    }

    public String dayName(Language language) {
        return CitizenDates.dayName(dayOfWeek, language);
    }

    public String hijriMonthName(Language language) {
        return hijriMonth.displayName(language);
    }
}
