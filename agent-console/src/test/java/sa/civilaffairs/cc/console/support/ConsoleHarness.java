package sa.civilaffairs.cc.console.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import sa.civilaffairs.cc.console.ConsoleServer;
import sa.civilaffairs.cc.console.config.ConsoleConfig;
import sa.civilaffairs.cc.testkit.RedisHandle;

/**
 * The real console (the repository's {@code config/console.yaml} and demo accounts, with test overrides) on a free
 * port, deployed into the test's Vert.x, on the test's real Redis, with the civil registry on WireMock.
 */
public final class ConsoleHarness implements AutoCloseable {
    public static final Path CONFIG = Path.of("..", "config", "console.yaml");

    public final WireMockServer registry;
    public final ConsoleServer server;
    public final int port;
    private final Vertx vertx;

    private ConsoleHarness(Vertx vertx, WireMockServer registry, ConsoleServer server, int port) {
        this.vertx = vertx;
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
        WireMockServer registry = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        registry.start();
        People.stub(registry);
        ConsoleServer server = new ConsoleServer().vertx(vertx);
        options.accept(server);
        try {
            int port = server.start(ConsoleConfig.load(CONFIG, env), redis.client(),
                    new TestRegistry(registry.baseUrl()));
            return new ConsoleHarness(vertx, registry, server, port);
        } catch (RuntimeException e) {
            registry.stop();
            throw e;
        }
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
