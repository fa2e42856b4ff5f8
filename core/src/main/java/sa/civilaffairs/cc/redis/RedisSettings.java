package sa.civilaffairs.cc.redis;

import java.time.Duration;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * Where Redis is and how to talk to it. Every store takes a {@link UnifiedJedis}, so the same code runs on one server
 * ({@link RedisClient}) or on Redis Cluster.
 */
public record RedisSettings(String host, int port, String password, int poolSize, Duration timeout) {

    public RedisSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("redis.host: empty (expected: a host name or address)");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("redis.port: " + port + " (expected: 1-65535)");
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("redis.poolSize: " + poolSize + " (expected: at least 1)");
        }
        password = password == null || password.isEmpty() ? null : password;
        timeout = timeout == null ? Duration.ofSeconds(2) : timeout;
    }

    public static RedisSettings local(int port) {
        return new RedisSettings("127.0.0.1", port, null, 64, Duration.ofSeconds(2));
    }

    /** Opens a pooled client; the caller closes it. */
    public UnifiedJedis connect() {
        GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
        pool.setMaxTotal(poolSize);
        pool.setMaxIdle(poolSize);
        pool.setMinIdle(0);
        pool.setMaxWait(timeout);
        pool.setJmxEnabled(false);
        DefaultJedisClientConfig client = DefaultJedisClientConfig.builder()
                .password(password)
                .connectionTimeoutMillis((int) timeout.toMillis())
                .socketTimeoutMillis((int) timeout.toMillis())
                .build();
        return RedisClient.builder().hostAndPort(new HostAndPort(host, port)).clientConfig(client).poolConfig(pool)
                .build();
    }
}
