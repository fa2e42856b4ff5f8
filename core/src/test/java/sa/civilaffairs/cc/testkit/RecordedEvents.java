package sa.civilaffairs.cc.testkit;

import java.util.List;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import sa.civilaffairs.cc.events.DomainEvent;
import sa.civilaffairs.cc.events.redis.RedisEventLog;

/** The domain events a test's Redis holds, oldest first. */
public final class RecordedEvents {
    private RecordedEvents() {
    }

    public static List<DomainEvent> ofType(UnifiedJedis redis, String type) {
        return redis.xrange(RedisEventLog.STREAM, (StreamEntryID) null, (StreamEntryID) null).stream()
                .map(e -> DomainEvent.fromFields(e.getFields())).filter(e -> e.type().equals(type)).toList();
    }
}
