package sa.civilaffairs.cc.office;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** An official holiday that closes every office from {@code from} to {@code to}, both inclusive. */
public record Holiday(Bilingual name, LocalDate from, LocalDate to) {

    /** Longer than any official holiday; a longer range is a typo in the year or month. */
    public static final int MAX_DAYS = 30;

    public Holiday {
        if (name == null || from == null || to == null) {
            throw new IllegalArgumentException("holiday: name, from and to are all required");
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("holiday from " + from + " to " + to + " (expected: to on or after from)");
        }
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        if (days > MAX_DAYS) {
            throw new IllegalArgumentException("holiday from " + from + " to " + to + " lasts " + days
                    + " days (expected: at most " + MAX_DAYS + ")");
        }
    }

    public boolean covers(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(to);
    }
}
