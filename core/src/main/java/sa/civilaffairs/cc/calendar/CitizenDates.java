package sa.civilaffairs.cc.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import sa.civilaffairs.cc.text.Language;

/**
 * Dates and times as citizens read them in SMS, on the console and in the IVR's scripts: the Hijri (Umm al-Qura) date
 * with the Gregorian date beside it (PRODUCT.md, "Calendar"), e.g.
 * {@code الأحد 12 جمادى الآخرة 1448 (22-11-2026) 09:30} or {@code Sunday 12 Jumada al-Akhirah 1448 (22-11-2026) 09:30}. Digits are Western in both languages, the time is
 * 24-hour. Every local date and time here is Riyadh wall-clock time ({@link RiyadhTime}). Pure functions,
 * thread-safe.
 */
public final class CitizenDates {

    private static final DateTimeFormatter GREGORIAN = DateTimeFormatter.ofPattern("dd-MM-uuuu");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private CitizenDates() {
    }

    /** {@code الأحد 12 جمادى الآخرة 1448 (22-11-2026) 09:30}. */
    public static String dateTime(LocalDateTime riyadhLocal, Language language) {
        return date(riyadhLocal.toLocalDate(), language) + " " + time(riyadhLocal.toLocalTime());
    }

    /** {@link #dateTime(LocalDateTime, Language)} of the Riyadh wall-clock time of {@code instant}. */
    public static String dateTime(Instant instant, Language language) {
        return dateTime(RiyadhTime.local(instant), language);
    }

    /** {@code الأحد 12 جمادى الآخرة 1448 (22-11-2026)}: day name, Hijri date, Gregorian date in brackets. */
    public static String date(LocalDate date, Language language) {
        DateParts parts = DateParts.of(date);
        return parts.dayName(language) + " " + hijri(parts, language) + " (" + gregorian(date) + ")";
    }

    /** {@code 12 جمادى الآخرة 1448}: the Hijri date alone. */
    public static String hijri(LocalDate date, Language language) {
        return hijri(DateParts.of(date), language);
    }

    /** {@code 22-11-2026}: the Gregorian date alone, day first. */
    public static String gregorian(LocalDate date) {
        return GREGORIAN.format(date);
    }

    /** {@code 09:30}: 24-hour, the same in both languages. */
    public static String time(LocalTime time) {
        return TIME.format(time);
    }

    /** {@code الأحد} / {@code Sunday}. */
    public static String dayName(DayOfWeek day, Language language) {
        if (language == Language.EN) {
            String name = day.name();
            return name.charAt(0) + name.substring(1).toLowerCase(java.util.Locale.ROOT);
        }
        return switch (day) {
            case SUNDAY -> "الأحد";
            case MONDAY -> "الاثنين";
            case TUESDAY -> "الثلاثاء";
            case WEDNESDAY -> "الأربعاء";
            case THURSDAY -> "الخميس";
            case FRIDAY -> "الجمعة";
            case SATURDAY -> "السبت";
        };
    }

    /** The name of Hijri month {@code month} (1-12) in {@code language}. */
    public static String hijriMonthName(int month, Language language) {
        return HijriMonth.of(month).displayName(language);
    }

    /** The separate parts of {@code date}, for prompts that speak them one by one. */
    public static DateParts parts(LocalDate date) {
        return DateParts.of(date);
    }

    private static String hijri(DateParts parts, Language language) {
        return parts.hijriDay() + " " + parts.hijriMonthName(language) + " " + parts.hijriYear();
    }
}
