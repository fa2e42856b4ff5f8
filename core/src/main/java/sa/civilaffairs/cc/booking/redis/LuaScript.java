package sa.civilaffairs.cc.booking.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * A Lua script kept as a resource beside this class, read once. It runs by EVALSHA (its SHA-1 computed here, so
 * nothing is loaded at start and every Cluster node learns it on first use); a server that does not know it yet
 * (fresh start, restart, failover, SCRIPT FLUSH) answers NOSCRIPT and the script is sent once with EVAL, which also
 * caches it there.
 */
final class LuaScript {
    private final String name;
    private final String source;
    private final String sha;

    private LuaScript(String name, String source) {
        this.name = name;
        this.source = source;
        this.sha = sha1(source);
    }

    static LuaScript load(String name) {
        String resource = name + ".lua";
        try (InputStream in = LuaScript.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Lua script " + resource + " missing beside " + LuaScript.class);
            }
            return new LuaScript(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read Lua script " + resource, e);
        }
    }

    String name() {
        return name;
    }

    /** Runs the script; all {@code keys} must share one hash tag. */
    List<?> run(UnifiedJedis redis, List<String> keys, List<String> args) {
        try {
            return (List<?>) redis.evalsha(sha, keys, args);
        } catch (JedisDataException e) {
            if (!isNoScript(e)) {
                throw e;
            }
            return (List<?>) redis.eval(source, keys, args);
        }
    }

    /** Queues the script on a pipeline by its SHA; read the answer with {@link #answer}. */
    Response<Object> queue(AbstractPipeline pipeline, List<String> keys, List<String> args) {
        return pipeline.evalsha(sha, keys, args);
    }

    /** The answer of a queued run, running the script once more with EVAL if the server did not know it. */
    List<?> answer(Response<Object> response, UnifiedJedis redis, List<String> keys, List<String> args) {
        try {
            return (List<?>) response.get();
        } catch (JedisDataException e) {
            if (!isNoScript(e)) {
                throw e;
            }
            return (List<?>) redis.eval(source, keys, args);
        }
    }

    private static boolean isNoScript(JedisDataException e) {
        return e.getMessage() != null && e.getMessage().startsWith("NOSCRIPT");
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every JVM", e);
        }
    }
}
