package sa.civilaffairs.cc.console.person.redis;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import redis.clients.jedis.UnifiedJedis;
import sa.civilaffairs.cc.console.person.MobileIndex;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.identity.NationalId;

/** One set per mobile, {@code console:mobile:<e164>}, of national IDs; forgotten after {@link #KEEP} without use. */
public final class RedisMobileIndex implements MobileIndex {
    static final Duration KEEP = Duration.ofDays(90);

    private final UnifiedJedis redis;

    public RedisMobileIndex(UnifiedJedis redis) {
        this.redis = redis;
    }

    @Override
    public void remember(Mobile mobile, NationalId person) {
        String key = key(mobile);
        redis.sadd(key, person.value());
        redis.expire(key, KEEP.toSeconds());
    }

    @Override
    public Set<NationalId> idsOf(Mobile mobile) {
        Set<NationalId> ids = new LinkedHashSet<>();
        for (String s : redis.smembers(key(mobile))) {
            if (NationalId.isValid(s)) {
                ids.add(new NationalId(s));
            }
        }
        return ids;
    }

    static String key(Mobile mobile) {
        return "console:mobile:" + mobile.e164();
    }
}
