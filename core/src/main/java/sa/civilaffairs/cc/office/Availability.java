package sa.civilaffairs.cc.office;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;

/** Whether an office section can be booked for a service on a date, and if not, why (to tell the citizen). */
public sealed interface Availability {

    /** Bookable: the slot start times, ascending, never empty. */
    record Open(List<LocalTime> starts) implements Availability {
        public Open {
            starts = List.copyOf(starts);
            if (starts.isEmpty()) {
                throw new IllegalArgumentException("open day without slots (expected: at least one start)");
            }
        }
    }

    /** The office, the section or the service does not exist there. */
    record NotOffered() implements Availability {
    }

    /** An official holiday closes every office. */
    record OnHoliday(Holiday holiday) implements Availability {
    }

    /** The office or the section is closed by a one-off closure. */
    record Closed(Closure closure) implements Availability {
    }

    /** The section does not work on this day of the week (Friday, Saturday for most, ...). */
    record NotWorkingDay(DayOfWeek day) implements Availability {
    }
}
