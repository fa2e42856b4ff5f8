package sa.civilaffairs.cc.smpp.redis;

import redis.clients.jedis.UnifiedJedis;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.smpp.outbound.StopList;

/** The STOP list as the Redis set {@code {sms}:stop} of E.164 numbers; the outbox take script reads it too. */
public final class RedisStopList implements StopList {
    private final UnifiedJedis redis;

    public RedisStopList(UnifiedJedis redis) {
        this.redis = redis;
    }

    @Override
    public void stop(Mobile mobile) {
        redis.sadd(SmsKeys.STOP, mobile.e164());
    }

    @Override
    public void resume(Mobile mobile) {
        redis.srem(SmsKeys.STOP, mobile.e164());
    }

    @Override
    public boolean isStopped(Mobile mobile) {
        return redis.sismember(SmsKeys.STOP, mobile.e164());
    }
}
