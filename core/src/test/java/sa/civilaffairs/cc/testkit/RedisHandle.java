package sa.civilaffairs.cc.testkit;

import redis.clients.jedis.UnifiedJedis;
import sa.civilaffairs.cc.redis.LocalRedisServer;
import sa.civilaffairs.cc.redis.RedisSettings;

/** A test's real Redis: the server process (to stop, kill or restart it) and a pooled client to it. */
public record RedisHandle(LocalRedisServer server, UnifiedJedis client) implements AutoCloseable {

    public RedisSettings settings() {
        return server.settings();
    }

    /** A new pooled client to the same server; the caller closes it. */
    public UnifiedJedis newClient() {
        return server.settings().connect();
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }
}
