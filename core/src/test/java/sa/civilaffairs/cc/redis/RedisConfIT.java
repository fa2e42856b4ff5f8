package sa.civilaffairs.cc.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;
import sa.civilaffairs.cc.config.ConfigDirectory;

/** The production {@code config/redis.conf} starts a real server with the settings it documents. */
class RedisConfIT {

    @Test
    void theProductionConfigStartsAServerThatKeepsWhatItWasToldAcrossARestart() throws Exception {
        Path conf = ConfigDirectory.locate().resolve("redis.conf");
        Path dir = Files.createTempDirectory("cc-redis-conf");
        try (LocalRedisServer server = LocalRedisServer.startWithConfig(conf, 0, dir)) {
            try (UnifiedJedis redis = server.settings().connect()) {
                assertEquals("yes", config(redis, "appendonly"));
                assertEquals("everysec", config(redis, "appendfsync"));
                assertEquals("noeviction", config(redis, "maxmemory-policy"));
                assertEquals(Long.toString(2L * 1024 * 1024 * 1024), config(redis, "maxmemory"));
                assertEquals("1", config(redis, "databases"));
                redis.set("{conf}:probe", "kept");
            }
            server.restart();
            try (UnifiedJedis redis = server.settings().connect()) {
                assertEquals("kept", redis.get("{conf}:probe"), "the append-only file brings the key back");
            }
        }
    }

    private static String config(UnifiedJedis redis, String name) {
        Map<String, String> answer = redis.configGet(name);
        return answer.get(name);
    }
}
