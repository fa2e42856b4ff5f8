package sa.civilaffairs.cc.dialog.redis;

import redis.clients.jedis.UnifiedJedis;
import sa.civilaffairs.cc.dialog.StopList;
import sa.civilaffairs.cc.identity.Mobile;

/** The STOP list as one Redis set of E.164 numbers ({@link DialogKeys#STOP_LIST}). Thread-safe. */
public final class RedisStopList implements StopList {
    private final UnifiedJedis redis;

    public RedisStopList(UnifiedJedis redis) {
        this.redis = redis;
    }

    @Override
    public void add(Mobile number) {
        redis.sadd(DialogKeys.STOP_LIST, number.e164());
    }

    @Override
    public void remove(Mobile number) {
        redis.srem(DialogKeys.STOP_LIST, number.e164());
    }

    @Override
    public boolean contains(Mobile number) {
        return redis.sismember(DialogKeys.STOP_LIST, number.e164());
    }
}
