package sa.civilaffairs.cc.redis;

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
 * A Lua script kept as a resource beside the class that runs it, read once. It runs by EVALSHA (the SHA-1 computed
 * here, so nothing is loaded at start and every Cluster node learns it on first use); a server that does not know it
 * (fresh start, restart, failover, SCRIPT FLUSH) answers NOSCRIPT and the script is sent once with EVAL, which also
 * caches it there. All keys of one run must share a hash tag. Immutable, thread-safe.
 */
public final class LuaScript {
    private final String name;
    private final String source;
    private final String sha;

    private LuaScript(String name, String source) {
        this.name = name;
        this.source = source;
        this.sha = HexFormat.of().formatHex(sha1().digest(source.getBytes(StandardCharsets.UTF_8)));
    }

    /** Reads {@code resource} (e.g. {@code change.lua}) from the package of {@code beside}. */
    public static LuaScript load(Class<?> beside, String resource) {
        return new LuaScript(resource, read(beside, resource));
    }

    /**
     * Reads {@code prelude} (functions shared by several scripts) and then {@code resource}, both from the package of
     * {@code beside}, as one script.
     */
    public static LuaScript load(Class<?> beside, String prelude, String resource) {
        return new LuaScript(resource, read(beside, prelude) + "\n" + read(beside, resource));
    }

    private static String read(Class<?> beside, String resource) {
        try (InputStream in = beside.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Lua script " + resource + " missing beside " + beside.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read Lua script " + resource, e);
        }
    }

    public String name() {
        return name;
    }

    /** Runs the script and returns its answer as Jedis decodes it (a {@code Long}, a {@code List}, …). */
    public Object run(UnifiedJedis redis, List<String> keys, List<String> args) {
        try {
            return redis.evalsha(sha, keys, args);
        } catch (JedisDataException e) {
            if (!isNoScript(e)) {
                throw e;
            }
            return redis.eval(source, keys, args);
        }
    }

    /** {@link #run} for a script that answers with an array. */
    public List<?> runList(UnifiedJedis redis, List<String> keys, List<String> args) {
        return (List<?>) run(redis, keys, args);
    }

    /** Queues the script on a pipeline by its SHA; read the answer with {@link #answer}. */
    public Response<Object> queue(AbstractPipeline pipeline, List<String> keys, List<String> args) {
        return pipeline.evalsha(sha, keys, args);
    }

    /** The answer of a queued run, running the script once more with EVAL if the server did not know it. */
    public Object answer(Response<Object> response, UnifiedJedis redis, List<String> keys, List<String> args) {
        try {
            return response.get();
        } catch (JedisDataException e) {
            if (!isNoScript(e)) {
                throw e;
            }
            return redis.eval(source, keys, args);
        }
    }

    /** {@link #answer} for a script that answers with an array. */
    public List<?> answerList(Response<Object> response, UnifiedJedis redis, List<String> keys, List<String> args) {
        return (List<?>) answer(response, redis, keys, args);
    }

    private static boolean isNoScript(JedisDataException e) {
        return e.getMessage() != null && e.getMessage().startsWith("NOSCRIPT");
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every JVM", e);
        }
    }
}
