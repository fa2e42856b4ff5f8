package sa.civilaffairs.cc.outbox.redis;

import java.time.LocalDate;
import java.util.Map;
import redis.clients.jedis.UnifiedJedis;

/**
 * One Riyadh day's SMS figures, counted by the sms-gateway's Lua scripts as they store an inbound message
 * ({@code received}), record a submit the SMSC accepted ({@code sent}) and settle a message DELIVERED or FAILED
 * ({@code delivered}, {@code undelivered}). A hash {@code {sms}:stats:<epoch day>} (the Riyadh date's
 * {@link LocalDate#toEpochDay()}) with fields {@code in, out, delivered, undelivered}, kept 8 days. Counters rather
 * than domain events: at thousands of messages a second an event per message would cost an XADD each and push the
 * appointment and visit events out of the trimmed event stream.
 */
public record SmsDayCounts(long received, long sent, long delivered, long undelivered) {
    public SmsDayCounts {
        if (received < 0 || sent < 0 || delivered < 0 || undelivered < 0) {
            throw new IllegalArgumentException("SMS counts: " + received + "/" + sent + "/" + delivered + "/"
                    + undelivered + " (expected: none negative)");
        }
    }

    /** The key of a Riyadh day's counters; the gateway's scripts build the same name from the epoch day. */
    public static String key(LocalDate riyadhDay) {
        return "{sms}:stats:" + riyadhDay.toEpochDay();
    }

    public static SmsDayCounts read(UnifiedJedis redis, LocalDate riyadhDay) {
        Map<String, String> h = redis.hgetAll(key(riyadhDay));
        return new SmsDayCounts(n(h, "in"), n(h, "out"), n(h, "delivered"), n(h, "undelivered"));
    }

    /** delivered / (delivered + undelivered) in percent to one decimal, or null before any message settled. */
    public Double deliveryRate() {
        return delivered + undelivered == 0 ? null : Math.round(1000.0 * delivered / (delivered + undelivered)) / 10.0;
    }

    private static long n(Map<String, String> h, String field) {
        String v = h.get(field);
        return v == null ? 0 : Long.parseLong(v);
    }
}
