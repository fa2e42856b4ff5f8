package sa.civilaffairs.cc.office;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A section's working hours per day of the week and its breaks (e.g. the Dhuhr prayer break), Riyadh local time.
 * A break applies on every day whose working hours contain it. Friday is never a working day.
 *
 * @param hours  for each working day, its time ranges in order, not overlapping; days left out are closed
 * @param breaks in order, each entirely inside one working range on the days it applies to
 */
public record WorkingWeek(Map<DayOfWeek, List<TimeRange>> hours, List<TimeRange> breaks) {

    /** The Saudi week, Sunday first, the order in which problems are reported. */
    static final List<DayOfWeek> WEEK = List.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
            DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY, DayOfWeek.SATURDAY);

    public WorkingWeek {
        if (hours == null || breaks == null) {
            throw new IllegalArgumentException("working week: hours and breaks are both required");
        }
        EnumMap<DayOfWeek, List<TimeRange>> copy = new EnumMap<>(DayOfWeek.class);
        hours.forEach((day, ranges) -> {
            checkDay(day, ranges);
            copy.put(day, List.copyOf(ranges));
        });
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("no working hours (expected: at least one working day)");
        }
        hours = Collections.unmodifiableMap(copy);
        breaks = List.copyOf(breaks);
        for (int i = 0; i < breaks.size(); i++) {
            if (i > 0) {
                checkOrder("breaks", breaks.get(i - 1), breaks.get(i));
            }
            checkBreak(hours, breaks.get(i));
        }
    }

    /** The ranges of {@code day} must exist, be in time order and not overlap; Friday is refused. */
    static void checkDay(DayOfWeek day, List<TimeRange> ranges) {
        if (day == DayOfWeek.FRIDAY) {
            throw new IllegalArgumentException("FRIDAY hours (expected: no office opens on Friday)");
        }
        if (ranges == null || ranges.isEmpty()) {
            throw new IllegalArgumentException(day + " has no time ranges (expected: at least one, or leave the day out)");
        }
        for (int i = 1; i < ranges.size(); i++) {
            checkOrder(day.toString(), ranges.get(i - 1), ranges.get(i));
        }
    }

    static void checkOrder(String what, TimeRange previous, TimeRange next) {
        if (next.start().isBefore(previous.end())) {
            throw new IllegalArgumentException(what + ": " + previous + " then " + next
                    + " (expected: in time order, not overlapping)");
        }
    }

    /** A break lies inside one working range, or outside all of them, on each day, and inside on at least one. */
    static void checkBreak(Map<DayOfWeek, List<TimeRange>> hours, TimeRange pause) {
        boolean insideSomeDay = false;
        for (DayOfWeek day : WEEK) {
            for (TimeRange range : hours.getOrDefault(day, List.of())) {
                if (range.contains(pause)) {
                    insideSomeDay = true;
                } else if (range.overlaps(pause)) {
                    throw new IllegalArgumentException("break " + pause + " runs outside working hours " + range
                            + " on " + day + " (expected: breaks inside working hours)");
                }
            }
        }
        if (!insideSomeDay) {
            throw new IllegalArgumentException("break " + pause
                    + " is outside the working hours of every day (expected: breaks inside working hours)");
        }
    }

    /** Every working day must have a break-free period at least {@code slot} long. */
    void checkFits(Duration slot) {
        for (DayOfWeek day : WEEK) {
            if (!isOpen(day)) {
                continue;
            }
            Duration longest = periods(day).stream().map(TimeRange::length).max(Duration::compareTo)
                    .orElse(Duration.ZERO);
            if (longest.compareTo(slot) < 0) {
                throw new IllegalArgumentException("a slot of " + slot.toMinutes() + " min fits in no working period on "
                        + day + " (longest: " + longest.toMinutes() + " min; expected: slots that fit between breaks)");
            }
        }
    }

    public boolean isOpen(DayOfWeek day) {
        return hours.containsKey(day);
    }

    public Set<DayOfWeek> days() {
        return hours.keySet();
    }

    /** The working hours of {@code day} minus its breaks, in order; empty when the day is not a working day. */
    public List<TimeRange> periods(DayOfWeek day) {
        List<TimeRange> ranges = hours.get(day);
        if (ranges == null) {
            return List.of();
        }
        List<TimeRange> periods = new ArrayList<>();
        for (TimeRange range : ranges) {
            LocalTime cursor = range.start();
            for (TimeRange pause : breaks) {
                if (range.contains(pause)) {
                    if (cursor.isBefore(pause.start())) {
                        periods.add(new TimeRange(cursor, pause.start()));
                    }
                    cursor = pause.end();
                }
            }
            if (cursor.isBefore(range.end())) {
                periods.add(new TimeRange(cursor, range.end()));
            }
        }
        return periods;
    }

    /**
     * Start times of {@code slot}-long slots on {@code day}: each period cut into whole slots from its start; a remainder
     * shorter than a slot stays unused, so no slot runs into a break or past closing time.
     */
    public List<LocalTime> starts(DayOfWeek day, Duration slot) {
        int length = Math.toIntExact(slot.toMinutes());
        if (length <= 0) {
            throw new IllegalArgumentException("slot length " + slot + " (expected: positive)");
        }
        List<LocalTime> starts = new ArrayList<>();
        for (TimeRange period : periods(day)) {
            int end = minuteOfDay(period.end());
            for (int t = minuteOfDay(period.start()); t + length <= end; t += length) {
                starts.add(LocalTime.of(t / 60, t % 60));
            }
        }
        return starts;
    }

    private static int minuteOfDay(LocalTime time) {
        return time.getHour() * 60 + time.getMinute();
    }
}
