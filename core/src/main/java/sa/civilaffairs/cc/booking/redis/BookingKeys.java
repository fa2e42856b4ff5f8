package sa.civilaffairs.cc.booking.redis;

import java.time.LocalDate;
import java.time.LocalTime;
import sa.civilaffairs.cc.booking.SlotKey;
import sa.civilaffairs.cc.identity.NationalId;
import sa.civilaffairs.cc.office.CivilService;
import sa.civilaffairs.cc.office.OfficeId;
import sa.civilaffairs.cc.office.Section;
import sa.civilaffairs.cc.reference.Reference;

/**
 * Every key of the appointment book, built here and nowhere else. Two hash tags, so each script touches one cluster
 * slot:
 * <ul>
 *   <li>{@code {bk:<office>:<date>}} — an office-day: the used places of all its slots ({@code :used}, a hash
 *       {@code SECTION|SERVICE|HH:MM -> count}), the live holds of each slot ({@code :holds:SECTION|SERVICE|HH:MM}, a
 *       sorted set hold id → expiry ms), which slots may have live holds ({@code :held}, a sorted set slot field →
 *       latest hold expiry ms, so a free-slots query reads the holds of those slots only), the appointments booked
 *       there ({@code :appt:<ref>}, hashes) and the voided attempts per reference ({@code :void:<ref>}, sets).</li>
 *   <li>{@code {bkp:<national id>}} — a person: the claim per service ({@code :claim:<SERVICE>}), the idempotency
 *       keys ({@code :idem:<key>}) and the list of appointments ({@code :appts}, sorted by booking time).</li>
 * </ul>
 * Plus {@code bk:ref:<ref>} → {@code office|date}, where a reference's appointment lives (one key per reference, so
 * no tag: references spread over the whole cluster).
 */
final class BookingKeys {

    private BookingKeys() {
    }

    /** Where an appointment lives: its office-day. Encoded as {@code office|date} in claims and pointers. */
    record Place(OfficeId office, LocalDate date) {
        static Place of(SlotKey slot) {
            return new Place(slot.office(), slot.date());
        }

        static Place parse(String encoded) {
            int bar = encoded.indexOf('|');
            if (bar < 0) {
                throw new IllegalArgumentException("place: " + encoded + " (expected: office|date)");
            }
            return new Place(new OfficeId(encoded.substring(0, bar)), LocalDate.parse(encoded.substring(bar + 1)));
        }

        String encoded() {
            return office.value() + "|" + date;
        }

        String tag() {
            return "{bk:" + office.value() + ":" + date + "}";
        }

        String used() {
            return tag() + ":used";
        }

        String holds(Section section, CivilService service, LocalTime start) {
            return holdsPrefix() + slotField(section, service, start);
        }

        /** The holds key of a slot is this followed by its slot field. */
        String holdsPrefix() {
            return tag() + ":holds:";
        }

        /** The slots of the office-day that may have live holds: slot field → the latest hold's expiry ms. */
        String held() {
            return tag() + ":held";
        }

        String appointment(Reference reference) {
            return tag() + ":appt:" + reference.value();
        }

        String voided(Reference reference) {
            return tag() + ":void:" + reference.value();
        }
    }

    static String slotField(Section section, CivilService service, LocalTime start) {
        int hour = start.getHour();
        int minute = start.getMinute();
        return section.name() + "|" + service.name() + (hour < 10 ? "|0" : "|") + hour + (minute < 10 ? ":0" : ":")
                + minute;
    }

    static String slotField(SlotKey slot) {
        return slotField(slot.section(), slot.service(), slot.start());
    }

    static String holds(SlotKey slot) {
        return Place.of(slot).holds(slot.section(), slot.service(), slot.start());
    }

    static String person(NationalId person) {
        return "{bkp:" + person.value() + "}";
    }

    static String claim(NationalId person, CivilService service) {
        return person(person) + ":claim:" + service.name();
    }

    static String idempotency(NationalId person, String key) {
        return person(person) + ":idem:" + key;
    }

    static String appointments(NationalId person) {
        return person(person) + ":appts";
    }

    static String pointer(Reference reference) {
        return "bk:ref:" + reference.value();
    }
}
