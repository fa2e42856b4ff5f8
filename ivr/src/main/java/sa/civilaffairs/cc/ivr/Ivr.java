package sa.civilaffairs.cc.ivr;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;
import sa.civilaffairs.cc.booking.redis.RedisAppointmentBook;
import sa.civilaffairs.cc.calendar.RiyadhTime;
import sa.civilaffairs.cc.config.ConfigDirectory;
import sa.civilaffairs.cc.events.redis.RedisEventLog;
import sa.civilaffairs.cc.feedback.redis.RedisTickets;
import sa.civilaffairs.cc.ivr.agi.HotlineServer;
import sa.civilaffairs.cc.ivr.hotline.HotlineScript;
import sa.civilaffairs.cc.ivr.hotline.HotlineServices;
import sa.civilaffairs.cc.ivr.prompt.Prompt;
import sa.civilaffairs.cc.lost.redis.RedisLostReports;
import sa.civilaffairs.cc.notify.OutboxNotifier;
import sa.civilaffairs.cc.notify.YamlMessageTemplates;
import sa.civilaffairs.cc.office.CatalogueLoader;
import sa.civilaffairs.cc.office.OfficeCatalogue;
import sa.civilaffairs.cc.office.SlotCalendar;
import sa.civilaffairs.cc.outbox.redis.RedisOutbox;
import sa.civilaffairs.cc.redis.RedisSettings;
import sa.civilaffairs.cc.reference.redis.RedisReferences;
import sa.civilaffairs.cc.registry.CivilRegistry;
import sa.civilaffairs.cc.registry.http.HttpCivilRegistry;
import sa.civilaffairs.cc.registry.http.RegistrySettings;
import sa.civilaffairs.cc.visit.redis.RedisVisitRequests;

/**
 * The IVR process: the hotline's FastAGI server wired to the Redis stores, the civil registry and the SMS outbox.
 * Dev mode and benchmarks start it with {@link #start}; {@link #main} is the production entry point.
 */
public final class Ivr implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Ivr.class);

    private final HotlineServer server;
    private final HotlineServices services;

    private Ivr(HotlineServer server, HotlineServices services) {
        this.server = server;
        this.services = services;
    }

    /** Every store on {@code redis}, the catalogue and SMS templates from {@code configDir}. */
    public static HotlineServices services(Path configDir, UnifiedJedis redis, CivilRegistry registry, Clock clock) {
        OfficeCatalogue catalogue = CatalogueLoader.load(configDir);
        RedisReferences references = new RedisReferences(redis);
        RedisEventLog events = new RedisEventLog(redis);
        return new HotlineServices(
                new RedisAppointmentBook(redis, new SlotCalendar(catalogue), references, events, clock), catalogue,
                registry, Optional.of(new RedisVisitRequests(redis, references, events, clock)),
                Optional.of(new RedisLostReports(redis, references, events, clock)),
                Optional.of(new RedisTickets(redis, references, events, clock)),
                new OutboxNotifier(YamlMessageTemplates.load(configDir), new RedisOutbox(redis), clock), references,
                events, clock);
    }

    public static Ivr start(IvrConfig config, HotlineServices services, Consumer<Prompt> spoken) {
        HotlineServer server = HotlineServer.start(config.agi(),
                Map.of(HotlineScript.NAME, new HotlineScript(services, config, spoken)));
        return new Ivr(server, services);
    }

    public HotlineServer server() {
        return server;
    }

    public HotlineServices services() {
        return services;
    }

    @Override
    public void close() {
        server.close();
    }

    /**
     * Starts the IVR with {@code config/ivr.yaml} and, from the environment: {@code CC_REDIS_HOST} (127.0.0.1),
     * {@code CC_REDIS_PORT} (6379), {@code CC_REDIS_PASSWORD}, {@code CC_REGISTRY_URL} (required). Runs until
     * stopped (SIGTERM lets calls under way finish their current command).
     */
    public static void main(String[] args) throws InterruptedException {
        Map<String, String> env = System.getenv();
        Path configDir = ConfigDirectory.locate();
        IvrConfig config = IvrConfig.load(configDir);
        String registryUrl = env.get("CC_REGISTRY_URL");
        if (registryUrl == null || registryUrl.isBlank()) {
            throw new IvrException("CC_REGISTRY_URL: empty (expected: the civil registry's base URL)");
        }
        RedisSettings redisSettings = new RedisSettings(env.getOrDefault("CC_REDIS_HOST", "127.0.0.1"),
                Integer.parseInt(env.getOrDefault("CC_REDIS_PORT", "6379")), env.get("CC_REDIS_PASSWORD"), 128,
                Duration.ofSeconds(2));
        UnifiedJedis redis = redisSettings.connect();
        Ivr ivr = start(config, services(configDir, redis, new HttpCivilRegistry(
                RegistrySettings.defaults(URI.create(registryUrl))), RiyadhTime.systemClock()), p -> { });
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            ivr.close();
            redis.close();
            stopped.countDown();
        }, "ivr-shutdown"));
        LOG.info("IVR up: agi://{}:{}/{}", config.agi().host(), ivr.server().port(), HotlineScript.NAME);
        stopped.await();
    }
}
