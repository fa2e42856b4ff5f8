package sa.civilaffairs.cc.devmode;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;
import sa.civilaffairs.cc.config.ConfigDirectory;
import sa.civilaffairs.cc.console.CaseFeatures;
import sa.civilaffairs.cc.console.ConsoleServer;
import sa.civilaffairs.cc.console.config.ConsoleConfig;
import sa.civilaffairs.cc.redis.LocalRedisServer;
import sa.civilaffairs.cc.registry.CivilRegistry;
import sa.civilaffairs.cc.registry.http.HttpCivilRegistry;
import sa.civilaffairs.cc.registry.http.RegistrySettings;
import sa.civilaffairs.cc.testkit.RegistryDouble;

/**
 * Dev mode: every part of the system on embedded defaults, in one process, with nothing to configure. Prints where
 * each part listens; Ctrl-C (or SIGTERM) stops them in reverse order of start.
 */
public final class DevMode {
    private static final Logger log = LoggerFactory.getLogger(DevMode.class);

    private final Deque<AutoCloseable> started = new ArrayDeque<>();

    public static void main(String[] args) throws InterruptedException {
        DevMode dev = new DevMode();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            dev.stop();
            stopped.countDown();
        }, "devmode-shutdown"));
        try {
            dev.start();
        } catch (RuntimeException e) {
            log.error("dev mode could not start: {}", e.getMessage(), e);
            System.exit(1);
        }
        stopped.await();
    }

    void start() {
        LocalRedisServer redis = remember(LocalRedisServer.startEphemeral());
        print("redis", "127.0.0.1:" + redis.port());

        RegistryDouble registry = remember(RegistryDouble.start());
        registry.stubDemoPeople();
        print("civil registry", registry.baseUrl() + "/v1/persons/{nationalId}  (WireMock, "
                + registry.demoPeople().size() + " demo people: config/registry/README.md)");
        CivilRegistry civilRegistry = new HttpCivilRegistry(RegistrySettings.defaults(registry.baseUrl()));
        Path config = ConfigDirectory.locate();

        // The console's case screens (appointments, Taqdeer, Tahseen, lost reports) on the same Redis stores.
        UnifiedJedis consoleRedis = remember(redis.settings().connect());
        ConsoleServer console = remember(CaseFeatures.onRedis(consoleRedis, civilRegistry, config, Clock.systemUTC())
                .installInto(new ConsoleServer()));
        console.start(ConsoleConfig.load(config.resolve("console.yaml"), devEnvironment()), consoleRedis,
                civilRegistry);
        print("agent console", "http://127.0.0.1:" + console.port() + "/");
        System.out.println("dev mode is up; Ctrl-C stops it");
    }

    void stop() {
        while (!started.isEmpty()) {
            AutoCloseable part = started.pop();
            try {
                part.close();
            } catch (Exception e) {
                log.warn("stopping {}: {}", part.getClass().getSimpleName(), e.toString());
            }
        }
        System.out.println("dev mode stopped");
    }

    /** The process environment with dev-mode defaults beneath it: demo accounts on, the console on port 8080. */
    private static Map<String, String> devEnvironment() {
        Map<String, String> env = new HashMap<>(Map.of("CONSOLE_DEV_MODE", "true"));
        env.putAll(System.getenv());
        return env;
    }

    private <T extends AutoCloseable> T remember(T part) {
        started.push(part);
        return part;
    }

    private static void print(String what, String where) {
        System.out.printf("%-16s %s%n", what, where);
    }
}
