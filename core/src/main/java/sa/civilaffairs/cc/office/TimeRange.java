package sa.civilaffairs.cc.office;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A span of a day, Riyadh local time, start inclusive and end exclusive, e.g. {@code 07:30-14:30}. */
public record TimeRange(LocalTime start, LocalTime end) {

    private static final Pattern TEXT = Pattern.compile("(\\d{2}):(\\d{2})\\s*-\\s*(\\d{2}):(\\d{2})");

    public TimeRange {
        if (start == null || end == null) {
            throw new IllegalArgumentException("time range: start and end are both required");
        }
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("time range " + text(start, end) + " (expected: start before end)");
        }
        if (start.getSecond() != 0 || start.getNano() != 0 || end.getSecond() != 0 || end.getNano() != 0) {
            throw new IllegalArgumentException("time range " + start + "-" + end + " (expected: whole minutes)");
        }
    }

    /** Parses {@code HH:MM-HH:MM}, 24-hour clock, e.g. {@code 16:00-21:00}. */
    public static TimeRange parse(String text) {
        Matcher m = TEXT.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("time range '" + text + "' (expected: HH:MM-HH:MM, e.g. 07:30-14:30)");
        }
        try {
            return new TimeRange(
                    LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))),
                    LocalTime.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4))));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("time range '" + text + "' (expected: times from 00:00 to 23:59)");
        }
    }

    public Duration length() {
        return Duration.between(start, end);
    }

    public boolean contains(TimeRange other) {
        return !other.start.isBefore(start) && !other.end.isAfter(end);
    }

    public boolean overlaps(TimeRange other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    @Override
    public String toString() {
        return text(start, end);
    }

    private static String text(LocalTime start, LocalTime end) {
        return start + "-" + end;
    }
}
