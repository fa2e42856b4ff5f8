package sa.civilaffairs.cc.booking;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.OptionalInt;
import sa.civilaffairs.cc.office.CivilService;
import sa.civilaffairs.cc.office.OfficeId;
import sa.civilaffairs.cc.office.Section;

/**
 * Which slots exist and how many people each takes, as the office catalogue says (working plans, breaks, holidays,
 * closures). The appointment book asks it; it knows nothing of bookings.
 */
public interface SlotSupply {
    /** Start times of the slots of this office section and service on {@code date}, ascending; empty when closed. */
    List<LocalTime> starts(OfficeId office, Section section, CivilService service, LocalDate date);

    /** The capacity of {@code slot}, or empty when no such slot exists (closed day, wrong time, service not offered). */
    OptionalInt capacity(SlotKey slot);
}
