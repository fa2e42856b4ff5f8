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

    /** One pipelined round trip for all of them. */
    @Override
    public void appendAll(java.util.List<DomainEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        try (redis.clients.jedis.AbstractPipeline pipeline = redis.pipelined()) {
            for (DomainEvent event : events) {
                pipeline.xadd(STREAM, XAddParams.xAddParams().maxLen(MAX_LEN).approximateTrimming(),
                        event.toFields());
            }
            pipeline.sync();
        }
    }
}
