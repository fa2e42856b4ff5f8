package sa.civilaffairs.cc.console.support;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;
import sa.civilaffairs.cc.console.CaseFeatures;
import sa.civilaffairs.cc.console.ConsoleServer;
import sa.civilaffairs.cc.console.config.ConsoleConfig;
import sa.civilaffairs.cc.outbox.Lane;
import sa.civilaffairs.cc.outbox.redis.OutboxStreams;
import sa.civilaffairs.cc.registry.CivilRegistry;
import sa.civilaffairs.cc.registry.http.HttpCivilRegistry;
import sa.civilaffairs.cc.testkit.RedisHandle;
import sa.civilaffairs.cc.testkit.RegistryDouble;

/**
 * The real console (the repository's {@code config/console.yaml} and demo accounts, with test overrides) on a free
 * port, deployed into the test's Vert.x, on the test's real Redis, with the civil registry on core's WireMock double
 * and the case stores (appointments, Taqdeer requests) on the same Redis.
 */
public final class ConsoleHarness implements AutoCloseable {
    public static final Path CONFIG = Path.of("..", "config", "console.yaml");
    public static final Path CONFIG_DIR = Path.of("..", "config");

    public final RegistryDouble registry;
    public final ConsoleServer server;
    public final int port;
    private final Vertx vertx;
    private final RedisHandle redis;

    private ConsoleHarness(Vertx vertx, RedisHandle redis, RegistryDouble registry, ConsoleServer server, int port) {
        this.vertx = vertx;
        this.redis = redis;
        this.registry = registry;
        this.server = server;
        this.port = port;
    }

    public static Map<String, String> testEnv() {
        Map<String, String> env = new HashMap<>();
        env.put("CONSOLE_HTTP_PORT", "0");
        env.put("CONSOLE_HTTP_INSTANCES", "2");
        env.put("CONSOLE_DEV_MODE", "true");
        env.put("CONSOLE_THROTTLE_ACCOUNT_FAILURES", "3");
        env.put("CONSOLE_THROTTLE_ADDRESS_FAILURES", "6");
        env.put("CONSOLE_WORKERS", "8");
        return env;
    }

    public static ConsoleHarness start(Vertx vertx, RedisHandle redis) {
        return start(vertx, redis, testEnv());
    }

    public static ConsoleHarness start(Vertx vertx, RedisHandle redis, Map<String, String> env) {
        return start(vertx, redis, env, server -> { });
    }

    /** With options set on the server before it starts (e.g. {@code server.live(feed)}). */
    public static ConsoleHarness start(Vertx vertx, RedisHandle redis, Map<String, String> env,
                                      java.util.function.Consumer<ConsoleServer> options) {
        RegistryDouble registry = RegistryDouble.start();
        People.stub(registry);
        CivilRegistry client = new HttpCivilRegistry(registry.settings());
        ConsoleServer server = new ConsoleServer().vertx(vertx);
        options.accept(server);
        try {
            withCases(server, redis, client);
            int port = server.start(ConsoleConfig.load(CONFIG, env), redis.client(), client);
            return new ConsoleHarness(vertx, redis, registry, server, port);
        } catch (RuntimeException e) {
            registry.stop();
            throw e;
        }
    }

    /** Adds the case features on {@code redis} to {@code server}, as production wiring does. */
    public static ConsoleServer withCases(ConsoleServer server, RedisHandle redis, CivilRegistry registry) {
        return CaseFeatures.onRedis(redis.client(), registry, CONFIG_DIR, Clock.systemUTC()).installInto(server);
    }

    /** The SMS queued on an outbox lane, oldest first, as {@code "template to text"}. */
    public List<String> outbox(Lane lane) {
        List<StreamEntry> entries = redis.client().xrange(OutboxStreams.key(lane), (StreamEntryID) null,
                (StreamEntryID) null);
        return entries.stream().map(e -> e.getFields().get("template") + " " + e.getFields().get("to") + " "
                + e.getFields().get("text")).toList();
    }

    /** A client of this console, not signed in. */
    public ConsoleClient client() {
        return new ConsoleClient(vertx, port, false);
    }

    /** A client signed in as a demo account (see config/console-users.yaml). */
    public ConsoleClient signedIn(String username) {
        ConsoleClient c = client();
        c.signIn(username, username + "-demo-pass").expect(200);
        return c;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        server.close();
        registry.stop();
    }
}
