package sa.civilaffairs.cc.visit;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;

/** When the team comes: a Riyadh date, a time window ({@code from} before {@code to}) and the team's name. */
public record VisitSchedule(LocalDate date, LocalTime from, LocalTime to, String team) {
    public VisitSchedule {
        Objects.requireNonNull(date, "schedule.date");
        Objects.requireNonNull(from, "schedule.from");
        Objects.requireNonNull(to, "schedule.to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("schedule window: " + from + "-" + to
                    + " (expected: start before end, e.g. 09:00-12:00)");
        }
        if (team == null || team.isBlank()) {
            throw new IllegalArgumentException("schedule.team: empty (expected: the visiting team's name)");
        }
        team = team.strip();
    }
}
