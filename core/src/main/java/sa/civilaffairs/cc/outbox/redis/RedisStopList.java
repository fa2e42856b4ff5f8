package sa.civilaffairs.cc.outbox.redis;

import redis.clients.jedis.UnifiedJedis;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.outbox.StopList;

/**
 * The STOP list as the Redis set {@link OutboxStreams#STOP_LIST} of E.164 numbers; the sms-gateway's outbox take
 * script reads it too. Thread-safe.
 */
public final class RedisStopList implements StopList {
    private final UnifiedJedis redis;

    public RedisStopList(UnifiedJedis redis) {
        this.redis = redis;
    }

    @Override
    public void add(Mobile number) {
        redis.sadd(OutboxStreams.STOP_LIST, number.e164());
    }

    @Override
    public void remove(Mobile number) {
        redis.srem(OutboxStreams.STOP_LIST, number.e164());
    }

    @Override
    public boolean contains(Mobile number) {
        return redis.sismember(OutboxStreams.STOP_LIST, number.e164());
    }
}
