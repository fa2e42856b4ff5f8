package sa.civilaffairs.cc.dialog;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import redis.clients.jedis.UnifiedJedis;
import sa.civilaffairs.cc.calendar.RiyadhTime;
import sa.civilaffairs.cc.config.ConfigDirectory;
import sa.civilaffairs.cc.dialog.redis.RedisDialogs;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.identity.NationalId;
import sa.civilaffairs.cc.notify.YamlMessageTemplates;
import sa.civilaffairs.cc.office.CatalogueLoader;
import sa.civilaffairs.cc.office.OfficeCatalogue;
import sa.civilaffairs.cc.registry.http.HttpCivilRegistry;
import sa.civilaffairs.cc.testkit.RegistryDouble;
import sa.civilaffairs.cc.testkit.SettableClock;

/**
 * The dialog engine on a real Redis with the shipped catalogue and templates, the registry double serving the demo
 * people, and a settable clock starting on a working Sunday morning. Every reply it sees is checked to fit in two
 * SMS parts. For the dialog ITs of core and of the SMS gateway.
 */
public final class DialogRig implements AutoCloseable {
    /** Sunday 6 December 2026, 08:00 Riyadh: offices open, days with free slots ahead. */
    public static final Instant START = RiyadhTime.instant(LocalDateTime.of(2026, 12, 6, 8, 0));
    public static final OfficeCatalogue CATALOGUE = CatalogueLoader.load(ConfigDirectory.locate());
    public static final YamlMessageTemplates TEMPLATES = YamlMessageTemplates.load(ConfigDirectory.locate());

    /** Generous: the build machine may be busy; the slow-registry test waits longer than this. */
    public static final Duration REGISTRY_TIMEOUT = Duration.ofSeconds(3);

    public final SettableClock clock = new SettableClock(START);
    public final RegistryDouble registry;
    public final RedisDialogs dialogs;
    public final UnifiedJedis redis;
    private final AtomicInteger ids = new AtomicInteger();

    public DialogRig(UnifiedJedis redis) {
        this(redis, DialogEngine.Settings.DEFAULTS);
    }

    public DialogRig(UnifiedJedis redis, DialogEngine.Settings settings) {
        this.redis = redis;
        this.registry = RegistryDouble.start();
        registry.stubDemoPeople();
        HttpCivilRegistry client = new HttpCivilRegistry(registry.settings(REGISTRY_TIMEOUT, 2, Duration.ofMillis(10)));
        // the first request of a JVM is slow (class loading on both sides): not a test's business
        client.lookup(new NationalId("1000000099"));
        this.dialogs = RedisDialogs.create(redis, client, CATALOGUE, TEMPLATES, clock, settings);
    }

    public DialogEngine engine() {
        return dialogs.engine();
    }

    public IncomingText message(String msisdn, String text) {
        return new IncomingText("mo-" + ids.incrementAndGet(), new Mobile(msisdn), text, clock.instant());
    }

    /** Sends {@code text} from {@code msisdn}; every reply is checked to fit in two SMS parts. */
    public List<Reply> send(String msisdn, String text) {
        return handle(message(msisdn, text));
    }

    public List<Reply> handle(IncomingText in) {
        List<Reply> replies = engine().handle(in);
        for (Reply reply : replies) {
            assertTrue(SmsSegments.count(reply.text()) <= 2, () -> reply.templateId() + " takes "
                    + SmsSegments.count(reply.text()) + " parts: " + reply.text());
        }
        return replies;
    }

    @Override
    public void close() {
        registry.close();
    }
}
