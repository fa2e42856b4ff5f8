package sa.civilaffairs.cc.dialog.redis;

import java.time.Instant;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;
import sa.civilaffairs.cc.dialog.ReplyThrottle;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.redis.LuaScript;

/** Per-number counters in fixed one-minute windows (epoch minutes of the engine's clock). Thread-safe. */
public final class RedisReplyThrottle implements ReplyThrottle {

    private static final LuaScript COUNT = LuaScript.load(RedisReplyThrottle.class, "count-reply.lua");
    private static final long DAY_SECONDS = 86_400;

    private final UnifiedJedis redis;
    private final int perMinute;
    private final int unsolicitedPerMinute;

    public RedisReplyThrottle(UnifiedJedis redis, int perMinute, int unsolicitedPerMinute) {
        if (perMinute < 1 || unsolicitedPerMinute < 1 || unsolicitedPerMinute > perMinute) {
            throw new IllegalArgumentException("reply caps: " + perMinute + "/" + unsolicitedPerMinute
                    + " per minute (expected: 1 <= unsolicited <= all)");
        }
        this.redis = redis;
        this.perMinute = perMinute;
        this.unsolicitedPerMinute = unsolicitedPerMinute;
    }

    @Override
    public boolean allow(Mobile number, boolean unsolicited, Instant now) {
        long minute = now.getEpochSecond() / 60;
        Object allowed = COUNT.run(redis,
                List.of(DialogKeys.rate(number, minute), DialogKeys.unsolicited(number, minute)),
                List.of(Integer.toString(perMinute), Integer.toString(unsolicitedPerMinute), unsolicited ? "1" : "0"));
        return Long.valueOf(1).equals(allowed);
    }

    @Override
    public boolean firstOversized(Mobile number, Instant now) {
        String set = redis.set(DialogKeys.oversized(number), Long.toString(now.toEpochMilli()),
                SetParams.setParams().nx().ex(DAY_SECONDS));
        return "OK".equals(set);
    }
}
