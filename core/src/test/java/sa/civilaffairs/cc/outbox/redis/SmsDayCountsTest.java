package sa.civilaffairs.cc.outbox.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class SmsDayCountsTest {
    @Test
    void theKeyIsTheRiyadhEpochDayTheGatewayScriptsCompute() {
        // mt_common.lua: floor((epochMillis + 3 h) / 1 day) — Riyadh is UTC+3 all year
        Instant lateEvening = Instant.parse("2026-12-04T21:30:00Z"); // 00:30 on the 5th in Riyadh
        long luaDay = Math.floorDiv(lateEvening.toEpochMilli() + 10_800_000L, 86_400_000L);
        LocalDate riyadh = lateEvening.atZone(ZoneId.of("Asia/Riyadh")).toLocalDate();
        assertEquals(LocalDate.parse("2026-12-05"), riyadh);
        assertEquals("{sms}:stats:" + luaDay, SmsDayCounts.key(riyadh));
    }

    @Test
    void theDeliveryRateIsDeliveredOverSettled() {
        assertNull(new SmsDayCounts(3, 2, 0, 0).deliveryRate(), "nothing settled yet");
        assertEquals(66.7, new SmsDayCounts(0, 3, 2, 1).deliveryRate());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SmsDayCounts(-1, 0, 0, 0));
        assertEquals("SMS counts: -1/0/0/0 (expected: none negative)", e.getMessage());
    }
}
