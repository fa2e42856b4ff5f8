package sa.civilaffairs.cc.booking.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.util.JedisClusterCRC16;
import sa.civilaffairs.cc.booking.SlotKey;
import sa.civilaffairs.cc.identity.NationalId;
import sa.civilaffairs.cc.office.CivilService;
import sa.civilaffairs.cc.office.OfficeId;
import sa.civilaffairs.cc.office.Section;
import sa.civilaffairs.cc.reference.Reference;
import sa.civilaffairs.cc.reference.ReferenceKind;

/** Every script's keys hash to one Redis Cluster slot; different office-days and people spread out. */
class BookingKeysTest {
    private static final SlotKey SLOT = new SlotKey(new OfficeId("RUH-01"), Section.WOMEN, CivilService.ID_RENEWAL,
            LocalDate.of(2026, 12, 7), LocalTime.of(9, 30));
    private static final Reference REF = Reference.of(ReferenceKind.APPOINTMENT, "1234567");
    private static final NationalId PERSON = new NationalId("1000000008");

    @Test
    void theKeysOfAnOfficeDayShareOneSlot() {
        BookingKeys.Place place = BookingKeys.Place.of(SLOT);
        assertOneSlot(List.of(place.used(), BookingKeys.holds(SLOT), place.appointment(REF), place.voided(REF),
                place.held(),
                place.holds(Section.MEN, CivilService.BIRTH_REGISTRATION, LocalTime.of(13, 0))));
        assertEquals("{bk:RUH-01:2026-12-07}:holds:WOMEN|ID_RENEWAL|09:30", BookingKeys.holds(SLOT));
    }

    @Test
    void theKeysOfAPersonShareOneSlotWhateverTheIdempotencyKey() {
        assertOneSlot(List.of(BookingKeys.claim(PERSON, CivilService.ID_RENEWAL),
                BookingKeys.claim(PERSON, CivilService.DATA_CORRECTION), BookingKeys.appointments(PERSON),
                BookingKeys.idempotency(PERSON, "sms-1"), BookingKeys.idempotency(PERSON, "{odd}key|with:marks")));
    }

    @Test
    void officeDaysAndPeopleSpreadOverTheCluster() {
        BookingKeys.Place monday = BookingKeys.Place.of(SLOT);
        BookingKeys.Place tuesday = new BookingKeys.Place(SLOT.office(), SLOT.date().plusDays(1));
        assertNotEquals(JedisClusterCRC16.getSlot(monday.used()), JedisClusterCRC16.getSlot(tuesday.used()));
        assertNotEquals(JedisClusterCRC16.getSlot(BookingKeys.person(PERSON)),
                JedisClusterCRC16.getSlot(BookingKeys.person(new NationalId("1000000016"))));
    }

    @Test
    void aPlaceReadsBackWhatItWrites() {
        BookingKeys.Place place = BookingKeys.Place.of(SLOT);
        assertEquals(place, BookingKeys.Place.parse(place.encoded()));
        assertEquals("RUH-01|2026-12-07", place.encoded());
    }

    private static void assertOneSlot(List<String> keys) {
        int slot = JedisClusterCRC16.getSlot(keys.get(0));
        for (String key : keys) {
            assertEquals(slot, JedisClusterCRC16.getSlot(key), key);
        }
    }
}
