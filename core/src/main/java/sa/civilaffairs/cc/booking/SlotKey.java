package sa.civilaffairs.cc.booking;

import java.time.LocalDate;
import java.time.LocalTime;
import sa.civilaffairs.cc.office.CivilService;
import sa.civilaffairs.cc.office.OfficeId;
import sa.civilaffairs.cc.office.Section;

/** One bookable time slot: an office's section, a service, a Riyadh-local date and start time. */
public record SlotKey(OfficeId office, Section section, CivilService service, LocalDate date, LocalTime start) {
    public SlotKey {
        if (office == null || section == null || service == null || date == null || start == null) {
            throw new IllegalArgumentException("slot: office, section, service, date and start are all required");
        }
    }
}
