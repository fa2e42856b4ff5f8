package sa.civilaffairs.cc.outbox.redis;

import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.XAddParams;
import sa.civilaffairs.cc.outbox.OutboundSms;
import sa.civilaffairs.cc.outbox.Outbox;

/** Appends outbound SMS to the lane's Redis stream. Thread-safe. */
public final class RedisOutbox implements Outbox {
    private final UnifiedJedis redis;

    public RedisOutbox(UnifiedJedis redis) {
        this.redis = redis;
    }

    @Override
    public String enqueue(OutboundSms sms) {
        redis.xadd(OutboxStreams.key(sms.lane()), XAddParams.xAddParams(), sms.toFields());
        return sms.id();
    }
}
