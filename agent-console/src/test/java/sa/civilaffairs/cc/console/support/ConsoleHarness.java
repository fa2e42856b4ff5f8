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
import sa.civilaffairs.cc.console.audit.redis.RedisAuditLog;
import sa.civilaffairs.cc.console.config.ConsoleConfig;
import sa.civilaffairs.cc.console.person.redis.RedisSmsHistory;
import sa.civilaffairs.cc.booking.redis.RedisAppointmentBook;
import sa.civilaffairs.cc.events.redis.RedisEventLog;
import sa.civilaffairs.cc.feedback.redis.RedisTickets;
import sa.civilaffairs.cc.lost.redis.RedisLostReports;
import sa.civilaffairs.cc.notify.OutboxNotifier;
import sa.civilaffairs.cc.notify.YamlMessageTemplates;
import sa.civilaffairs.cc.office.CatalogueLoader;
import sa.civilaffairs.cc.office.SlotCalendar;
import sa.civilaffairs.cc.outbox.Lane;
import sa.civilaffairs.cc.outbox.redis.OutboxStreams;
import sa.civilaffairs.cc.outbox.redis.RedisOutbox;
import sa.civilaffairs.cc.reference.redis.RedisReferences;
import sa.civilaffairs.cc.registry.CivilRegistry;
import sa.civilaffairs.cc.registry.http.HttpCivilRegistry;
import sa.civilaffairs.cc.testkit.RedisHandle;
import sa.civilaffairs.cc.testkit.RegistryDouble;
import sa.civilaffairs.cc.visit.redis.RedisVisitRequests;

/**
 * The real console (the repository's {@code config/console.yaml} and demo accounts, with test overrides) on a free
 * port, deployed into the test's Vert.x, on the test's real Redis, with the civil registry on core's WireMock double
 * and the case stores (appointments, Taqdeer requests) on the same Redis.
 */
public final class ConsoleHarness implements AutoCloseable {
    public static final Path CONFIG = Path.of("..", "config", "console.yaml");
    public static final Path CONFIG_DIR = Path.of("..", "config");

    /** The repository's office catalogue and SMS templates, loaded once for all tests. */
    public static final SlotCalendar CALENDAR = new SlotCalendar(CatalogueLoader.load(CONFIG_DIR));
    static final YamlMessageTemplates TEMPLATES = YamlMessageTemplates.load(CONFIG_DIR);

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
        RegistryDouble registry = RegistryDouble.start();
        People.stub(registry);
        CivilRegistry client = new HttpCivilRegistry(registry.settings());
        ConsoleServer server = new ConsoleServer().vertx(vertx);
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
        Clock clock = Clock.systemUTC();
        var jedis = redis.client();
        RedisReferences references = new RedisReferences(jedis);
        RedisEventLog events = new RedisEventLog(jedis);
        return new CaseFeatures(registry, new OutboxNotifier(TEMPLATES, new RedisOutbox(jedis), clock),
                new RedisAuditLog(jedis), clock)
                .appointments(new RedisAppointmentBook(jedis, CALENDAR, references, events, clock),
                        CALENDAR.catalogue())
                .visits(new RedisVisitRequests(jedis, references, events, clock))
                .tickets(new RedisTickets(jedis, references, events, clock),
                        new RedisLostReports(jedis, references, events, clock), TEMPLATES)
                .history(new RedisSmsHistory(jedis))
                .installInto(server);
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
