package sa.civilaffairs.cc.ivr.prompt;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import sa.civilaffairs.cc.calendar.DateParts;
import sa.civilaffairs.cc.office.CivilService;
import sa.civilaffairs.cc.office.OfficeId;
import sa.civilaffairs.cc.office.Region;
import sa.civilaffairs.cc.reference.Reference;

/**
 * Turns values into sequences of catalogue prompts, the same pieces in both languages: numbers
 * ({@code number-N}), references digit by digit, dates as the day, the Hijri date and the Gregorian date
 * ({@link DateParts}, PRODUCT.md "Calendar"), times, and the names of services, regions and offices. Pure functions.
 */
public final class Speech {

    private Speech() {
    }

    public static Prompt number(int n) {
        return Prompt.of("number-" + n);
    }

    /** Each digit on its own: {@code 1 2 3 …}; references and IDs are read this way. */
    public static List<Prompt> digits(String digits) {
        List<Prompt> out = new ArrayList<>();
        for (char c : digits.toCharArray()) {
            if (c >= '0' && c <= '9') {
                out.add(number(c - '0'));
            }
        }
        return out;
    }

    public static List<Prompt> reference(Reference reference) {
        return digits(reference.value());
    }

    /** Day name, Hijri day, month and year with "Hijri", "corresponding to", Gregorian day, month and year. */
    public static List<Prompt> date(LocalDate date) {
        DateParts parts = DateParts.of(date);
        return List.of(day(date), number(parts.hijriDay()), Prompt.of("hijri-month-" + parts.hijriMonth().number()),
                number(parts.hijriYear()), Prompt.of("date-hijri"), Prompt.of("date-corresponding"),
                number(date.getDayOfMonth()), Prompt.of("month-" + date.getMonthValue()), number(date.getYear()));
    }

    /** For menus: the day name, the Hijri day and month, and the Gregorian day and month. */
    public static List<Prompt> shortDate(LocalDate date) {
        DateParts parts = DateParts.of(date);
        return List.of(day(date), number(parts.hijriDay()), Prompt.of("hijri-month-" + parts.hijriMonth().number()),
                Prompt.of("date-corresponding"), number(date.getDayOfMonth()),
                Prompt.of("month-" + date.getMonthValue()));
    }

    /** "at 9 30" (24-hour; the minutes are left out on the hour). */
    public static List<Prompt> time(LocalTime time) {
        List<Prompt> out = new ArrayList<>(List.of(Prompt.of("time-at"), number(time.getHour())));
        if (time.getMinute() != 0) {
            out.add(number(time.getMinute()));
        }
        return out;
    }

    public static Prompt day(LocalDate date) {
        return Prompt.of("day-" + date.getDayOfWeek().name().toLowerCase(Locale.ROOT));
    }

    public static Prompt service(CivilService service) {
        return Prompt.of("service-" + slug(service.name()));
    }

    public static Prompt region(Region region) {
        return Prompt.of("region-" + slug(region.name()));
    }

    public static Prompt office(OfficeId office) {
        return Prompt.of("office-" + slug(office.value()));
    }

    private static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
