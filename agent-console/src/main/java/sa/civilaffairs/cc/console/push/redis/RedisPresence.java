package sa.civilaffairs.cc.console.push.redis;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import redis.clients.jedis.UnifiedJedis;
import sa.civilaffairs.cc.console.push.Presence;

/** Presence as one sorted set, {@value #KEY}: user → last heartbeat (epoch ms); entries older than a day are pruned. */
public final class RedisPresence implements Presence {
    public static final String KEY = "{live}:online";

    private final UnifiedJedis redis;

    public RedisPresence(UnifiedJedis redis) {
        this.redis = redis;
    }

    @Override
    public void seen(Collection<String> users, Instant at) {
        if (users.isEmpty()) {
            return;
        }
        Map<String, Double> scores = new HashMap<>();
        users.forEach(u -> scores.put(u, (double) at.toEpochMilli()));
        redis.zadd(KEY, scores);
        redis.zremrangeByScore(KEY, 0, at.toEpochMilli() - 86_400_000d);
    }

    @Override
    public Set<String> online(Instant since) {
        return new HashSet<>(redis.zrangeByScore(KEY, since.toEpochMilli(), Double.POSITIVE_INFINITY));
    }
}
