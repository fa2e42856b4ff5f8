package sa.civilaffairs.cc.events.redis;

import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.XAddParams;
import sa.civilaffairs.cc.events.DomainEvent;
import sa.civilaffairs.cc.events.EventLog;

/** Domain events on the Redis stream {@value #STREAM}, trimmed to about {@value #MAX_LEN} entries. */
public final class RedisEventLog implements EventLog {
    public static final String STREAM = "{events}:domain";
    static final long MAX_LEN = 1_000_000;

    private final UnifiedJedis redis;

    public RedisEventLog(UnifiedJedis redis) {
        this.redis = redis;
    }

    @Override
    public void append(DomainEvent event) {
        redis.xadd(STREAM, XAddParams.xAddParams().maxLen(MAX_LEN).approximateTrimming(), event.toFields());
    }
}
